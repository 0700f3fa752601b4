export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

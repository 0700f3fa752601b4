import { execFileSync } from "node:child_process";
import { resolve } from "node:path";

/** A problem the user can fix (no repository, unknown ref): one line, exit 2. */
export class GitError extends Error {}

/**
 * Files changed since `ref` (committed, staged or not) plus untracked files, as absolute paths. Works in a shallow
 * clone as long as `ref` itself was fetched.
 */
export function changedSince(ref: string, cwd: string): string[] {
  const git = (args: string[]): string => {
    try {
      return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
    } catch (error) {
      const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim().split("\n")[0] ?? "";
      throw new GitError(stderr || (error as Error).message);
    }
  };
  const top = git(["rev-parse", "--show-toplevel"]).trim();
  try {
    git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  } catch {
    throw new GitError(`--changed-since: "${ref}" is not a commit in this repository (in a shallow clone, fetch it first: git fetch --depth=1 origin ${ref})`);
  }
  // What this branch changed since it left `ref` (a pull request's own changes), not what `ref` gained meanwhile.
  let base = ref;
  try {
    base = git(["merge-base", ref, "HEAD"]).trim() || ref;
  } catch {
    // a shallow clone may lack the merge base: compare with the ref itself
  }
  const changed = git(["diff", "--name-only", "-z", base, "--"]).split("\0");
  const untracked = git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", "--", top]).split("\0");
  return [...new Set([...changed, ...untracked].filter(Boolean))].map((file) => resolve(top, file));
}

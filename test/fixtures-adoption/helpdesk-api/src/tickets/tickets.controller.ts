import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from "@nestjs/common";
import { ArrayMaxSize, ArrayNotEmpty, IsUUID } from "class-validator";
import { TicketsService } from "./tickets.service";

export class ReassignTicketsDto {
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @IsUUID("4", { each: true })
  ticketIds: string[];

  @IsUUID("4")
  agentId: string;
}

export class MergeTicketsDto {
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsUUID("4", { each: true })
  sourceIds: string[];
}

export class ExportTicketsDto {
  @ArrayNotEmpty()
  @ArrayMaxSize(5000)
  @IsUUID("4", { each: true })
  ticketIds: string[];
}

@Controller("tickets")
export class TicketsController {
  constructor(private readonly tickets: TicketsService) {}

  @Get("stats/priority")
  priorityStats() {
    return this.tickets.countOpenByPriority();
  }

  @Post("reassign")
  @HttpCode(202)
  reassign(@Body() dto: ReassignTicketsDto) {
    return this.tickets.reassign(dto.ticketIds, dto.agentId);
  }

  @Post(":id/merge")
  merge(@Param("id", ParseUUIDPipe) id: string, @Body() dto: MergeTicketsDto) {
    return this.tickets.merge(id, dto.sourceIds.filter((sourceId) => sourceId !== id));
  }

  @Post(":id/reopen")
  @HttpCode(204)
  async reopen(@Param("id", ParseUUIDPipe) id: string): Promise<void> {
    await this.tickets.reopen(id);
  }

  @Post("export")
  export(@Body() dto: ExportTicketsDto) {
    return this.tickets.exportByIds(dto.ticketIds);
  }
}

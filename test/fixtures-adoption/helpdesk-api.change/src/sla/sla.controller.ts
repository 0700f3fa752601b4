import { Body, Controller, DefaultValuePipe, Get, ParseEnumPipe, Post, Query } from "@nestjs/common";
import { ArrayMaxSize, ArrayNotEmpty, IsUUID } from "class-validator";
import pMap from "p-map";
import { TicketPriority } from "../entities/ticket.entity";
import { SlaService } from "./sla.service";

export class RecalculateDueDatesDto {
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @IsUUID("4", { each: true })
  ticketIds: string[];
}

@Controller("sla")
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  /** Called by the ops scheduler every five minutes. */
  @Post("escalate")
  escalate() {
    return this.sla.escalateOverdue();
  }

  /** After a priority change in bulk, or when the holiday calendar was corrected. */
  @Post("recalculate")
  async recalculate(@Body() dto: RecalculateDueDatesDto) {
    const dueDates = await pMap(
      dto.ticketIds,
      (ticketId) => this.sla.recalculateDueDate(ticketId), // expect-new: n-plus-one
      { concurrency: 8 },
    );
    return dto.ticketIds.map((ticketId, i) => ({ ticketId, dueAt: dueDates[i] }));
  }

  @Get("due-date")
  dueDate(
    @Query("priority", new ParseEnumPipe(TicketPriority)) priority: TicketPriority,
    @Query("region", new DefaultValuePipe("default")) region: string,
  ) {
    return this.sla.previewDueDate(priority, region);
  }
}

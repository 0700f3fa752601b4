import { Controller, DefaultValuePipe, Get, ParseEnumPipe, Post, Query } from "@nestjs/common";
import { TicketPriority } from "../entities/ticket.entity";
import { SlaService } from "./sla.service";

@Controller("sla")
export class SlaController {
  constructor(private readonly sla: SlaService) {}

  /** Called by the ops scheduler every five minutes. */
  @Post("escalate")
  escalate() {
    return this.sla.escalateOverdue();
  }

  @Get("due-date")
  dueDate(
    @Query("priority", new ParseEnumPipe(TicketPriority)) priority: TicketPriority,
    @Query("region", new DefaultValuePipe("default")) region: string,
  ) {
    return this.sla.previewDueDate(priority, region);
  }
}

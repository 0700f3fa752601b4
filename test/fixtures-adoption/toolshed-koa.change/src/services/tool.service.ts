import { Loan } from "../entities/Loan";
import { Tool } from "../entities/Tool";

export interface Availability {
  toolId: number;
  available: boolean;
  reason: "unknown-tool" | "on-loan" | "in-repair" | null;
}

export class ToolService {
  async availability(branchId: number, toolId: number): Promise<Availability> {
    const tool = await Tool.findOneBy({ id: toolId, branchId });
    if (!tool) return { toolId, available: false, reason: "unknown-tool" };
    if (tool.condition === "repair") return { toolId, available: false, reason: "in-repair" };
    const out = await Loan.countBy({ toolId, status: "out" });
    return { toolId, available: out === 0, reason: out === 0 ? null : "on-loan" };
  }
}

export const toolService = new ToolService();

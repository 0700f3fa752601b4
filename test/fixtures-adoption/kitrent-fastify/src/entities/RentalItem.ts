import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Equipment } from "./Equipment";
import { Rental } from "./Rental";

@Entity("rental_item")
@Index(["rentalId"])
@Index(["equipmentId"])
export class RentalItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  rentalId: number;

  @ManyToOne(() => Rental, (rental) => rental.items)
  @JoinColumn({ name: "rentalId" })
  rental: Rental;

  @Column()
  equipmentId: number;

  @ManyToOne(() => Equipment)
  @JoinColumn({ name: "equipmentId" })
  equipment: Equipment;

  @Column({ type: "int" })
  dailyRateCents: number;
}

import { Button, Select, Space } from "antd";
import { useEffect, useState } from "react";
import type { PublicBooking, Slot } from "../../../../../packages/contracts/src/appointments.ts";
import { publicBookingApi } from "./appointments-api.ts";
import { formatSlot } from "./slot-format.ts";

/** 改约: another open slot of the same hall and window group, up to the cancel deadline. */
export function RescheduleForm({ booking, onMove }: { booking: PublicBooking; onMove: (slotId: string) => void }) {
  const [slots, setSlots] = useState<Slot[]>([]);
  const [slotId, setSlotId] = useState<string | undefined>();
  useEffect(() => {
    publicBookingApi.slots(booking.hallId, booking.groupId).then(
      (r) => setSlots(r.items),
      () => setSlots([]),
    );
  }, [booking.hallId, booking.groupId]);
  const open = slots.filter((s) => s.booked < s.capacity && s.startsAt !== booking.startsAt);
  return (
    <Space wrap style={{ marginTop: 12 }}>
      <Select
        aria-label="新的时段"
        placeholder="选择新的时段"
        style={{ width: 300 }}
        value={slotId}
        onChange={setSlotId}
        options={open.map((s) => ({
          value: s.id,
          label: `${formatSlot(s.startsAt, s.endsAt)}（余${s.capacity - s.booked}）`,
        }))}
      />
      <Button disabled={!slotId} onClick={() => slotId && onMove(slotId)}>
        改约
      </Button>
    </Space>
  );
}

import { CalendarOutlined } from "@ant-design/icons";
import { Button, Descriptions, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { BOOKING_STATUS_LABELS, type PublicBooking } from "../../../../../packages/contracts/src/appointments.ts";
import { formatDateTime } from "../../shared/format.ts";
import { RecordList, RecordListItem } from "../../shared/record-list.tsx";
import { publicBookingApi } from "./appointments-api.ts";
import { formatSlot } from "./slot-format.ts";

/** A booking as its holder sees it; ID number and phone come masked from the server. */
export function BookingCard({ booking, verify }: { booking: PublicBooking; verify: string }) {
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        预约码{" "}
        <Typography.Text copyable strong data-testid="booking-code">
          {booking.code}
        </Typography.Text>{" "}
        <Tag color={booking.status === "booked" ? "blue" : "default"}>{BOOKING_STATUS_LABELS[booking.status]}</Tag>
      </Typography.Title>
      <Descriptions column={1} size="small" bordered>
        <Descriptions.Item label="大厅">{booking.hallName}</Descriptions.Item>
        <Descriptions.Item label="地址">{booking.hallAddress ?? "—"}</Descriptions.Item>
        <Descriptions.Item label="窗口">{booking.groupName}</Descriptions.Item>
        <Descriptions.Item label="事项">{booking.itemName}</Descriptions.Item>
        <Descriptions.Item label="时段">{formatSlot(booking.startsAt, booking.endsAt)}</Descriptions.Item>
        <Descriptions.Item label="预约人">
          {booking.personName}（{booking.idNumber}，{booking.phone}）
        </Descriptions.Item>
        <Descriptions.Item label="可取消至">{formatDateTime(booking.cancelDeadline)}</Descriptions.Item>
      </Descriptions>
      <Button
        style={{ marginTop: 12 }}
        icon={<CalendarOutlined />}
        onClick={() => void publicBookingApi.downloadIcs(booking.code, verify)}
      >
        加入日历（.ics）
      </Button>
      {booking.servedCases && booking.servedCases.length > 0 ? (
        <div style={{ marginTop: 12 }}>
          <Typography.Text strong>本次办理的业务（可对服务进行评价）</Typography.Text>
          <RecordList
            items={booking.servedCases}
            itemKey={(c) => c.number}
            render={(c) => (
              <RecordListItem
                title={`${c.itemName}（办结于 ${formatDateTime(c.finishedAt)}）`}
                actions={
                  <Link
                    to={`/public/rate?kind=service_case&number=${c.number}${c.ratingCode ? `&code=${c.ratingCode}` : ""}`}
                  >
                    评价本次服务
                  </Link>
                }
              />
            )}
          />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
          请携带身份证原件，在预约时段内到大厅，凭预约码取号。
        </Typography.Paragraph>
      )}
    </div>
  );
}

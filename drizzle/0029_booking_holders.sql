CREATE TABLE "booking_holders" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"active" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "booking_holders_active_not_negative" CHECK ("booking_holders"."active" >= 0)
);
--> statement-breakpoint
ALTER TABLE "booking_holders" ADD CONSTRAINT "booking_holders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Each citizen's count of active bookings, kept on every insert, status change and deletion of a
-- booking, whatever code path makes it (src/db/schema/bookings.ts: bookingHolders).
CREATE FUNCTION booking_holders_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  was_active boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.status IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN');
  is_active boolean := TG_OP IN ('INSERT', 'UPDATE') AND NEW.status IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN');
  delta int := coalesce(is_active, false)::int - coalesce(was_active, false)::int;
BEGIN
  IF delta > 0 THEN
    INSERT INTO booking_holders AS h (user_id, active) VALUES (NEW.user_id, delta)
    ON CONFLICT (user_id) DO UPDATE SET active = h.active + delta;
  ELSIF delta < 0 THEN
    UPDATE booking_holders SET active = active + delta WHERE user_id = OLD.user_id;
  END IF;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER bookings_count_active AFTER INSERT OR UPDATE OF status OR DELETE ON bookings FOR EACH ROW EXECUTE FUNCTION booking_holders_count();--> statement-breakpoint
-- The counts of the bookings there are, with no booking written meanwhile.
LOCK TABLE bookings IN SHARE MODE;--> statement-breakpoint
INSERT INTO booking_holders (user_id, active)
SELECT user_id, count(*)::int FROM bookings WHERE status IN ('PENDING_CONFIRMATION', 'CONFIRMED', 'CHECKED_IN') GROUP BY user_id;

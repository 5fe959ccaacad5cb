-- Every committed write to a payment config is announced on the event bus (lib/events/bus.ts),
-- so each app instance drops its cached copy (lib/payment-configs/load-adapter.ts). A trigger
-- rather than the application: no write path, present or future, can forget it.
CREATE FUNCTION "announce_payment_config_change"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('config_events', CASE WHEN TG_OP = 'DELETE' THEN OLD."id" ELSE NEW."id" END);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "PaymentConfig_announce_change"
AFTER INSERT OR UPDATE OR DELETE ON "PaymentConfig"
FOR EACH ROW EXECUTE FUNCTION "announce_payment_config_change"();

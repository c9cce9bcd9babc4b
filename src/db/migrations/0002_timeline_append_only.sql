-- The timeline is the audit trail of a dossier: rows are added, never changed or removed.
-- Deleting a whole debtor or organisation (cascade) is still allowed.
CREATE OR REPLACE FUNCTION timeline_events_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    RAISE EXCEPTION 'timeline_events is append-only';
  END IF;
  IF pg_trigger_depth() = 1 THEN
    RAISE EXCEPTION 'timeline_events is append-only';
  END IF;
  RETURN OLD;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER timeline_events_append_only
  BEFORE UPDATE OR DELETE ON timeline_events
  FOR EACH ROW EXECUTE FUNCTION timeline_events_append_only();

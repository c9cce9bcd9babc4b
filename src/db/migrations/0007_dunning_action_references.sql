-- What the foreign keys of dunning_actions and dunning_action_invoices did for the rows they point
-- to, now once per statement instead of a check per written row: the daily run writes those rows in
-- bulk from the debtors, steps, run and invoices it has just read (no check needed on insert).
-- Deleting a debtor or a run deletes its actions; deleting an action or an invoice deletes its
-- dunning_action_invoices rows; a step that actions point to cannot be deleted.
CREATE FUNCTION dunning_actions_of_deleted_debtors() RETURNS trigger AS $$
BEGIN
  DELETE FROM dunning_actions a USING gone g WHERE a.debtor_id = g.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dunning_actions_of_deleted_debtors AFTER DELETE ON debtors
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dunning_actions_of_deleted_debtors();
--> statement-breakpoint
CREATE FUNCTION dunning_actions_of_deleted_runs() RETURNS trigger AS $$
BEGIN
  DELETE FROM dunning_actions a USING gone g WHERE a.run_id = g.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dunning_actions_of_deleted_runs AFTER DELETE ON dunning_runs
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dunning_actions_of_deleted_runs();
--> statement-breakpoint
CREATE FUNCTION dunning_action_invoices_of_deleted_actions() RETURNS trigger AS $$
BEGIN
  DELETE FROM dunning_action_invoices dai USING gone g WHERE dai.action_id = g.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dunning_action_invoices_of_deleted_actions AFTER DELETE ON dunning_actions
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dunning_action_invoices_of_deleted_actions();
--> statement-breakpoint
CREATE FUNCTION dunning_action_invoices_of_deleted_invoices() RETURNS trigger AS $$
BEGIN
  DELETE FROM dunning_action_invoices dai USING gone g WHERE dai.invoice_id = g.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dunning_action_invoices_of_deleted_invoices AFTER DELETE ON invoices
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dunning_action_invoices_of_deleted_invoices();
--> statement-breakpoint
CREATE FUNCTION dunning_steps_in_use() RETURNS trigger AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM dunning_actions a JOIN gone g ON g.id = a.step_id) THEN
    RAISE EXCEPTION 'a dunning step that actions point to cannot be deleted'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER dunning_steps_in_use AFTER DELETE ON dunning_steps
  REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION dunning_steps_in_use();

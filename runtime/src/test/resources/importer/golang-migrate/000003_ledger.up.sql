CREATE TABLE ledger (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    amount_cents bigint NOT NULL,
    booked_at timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION apply_ledger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE accounts SET balance_cents = balance_cents + NEW.amount_cents WHERE id = NEW.account_id;
    RETURN NEW;
END;
$$;

CREATE TRIGGER ledger_applies AFTER INSERT ON ledger FOR EACH ROW EXECUTE FUNCTION apply_ledger();

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM accounts WHERE email = 'house@example.com') THEN
        INSERT INTO accounts (email) VALUES ('house@example.com');
    END IF;
END
$$;

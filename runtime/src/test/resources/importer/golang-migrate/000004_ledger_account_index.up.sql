CREATE INDEX ledger_account_id_idx ON ledger (account_id);

DROP INDEX ledger_account_id_idx;

DROP TRIGGER ledger_applies ON ledger;
DROP FUNCTION apply_ledger();
DROP TABLE ledger;
DELETE FROM accounts WHERE email = 'house@example.com';

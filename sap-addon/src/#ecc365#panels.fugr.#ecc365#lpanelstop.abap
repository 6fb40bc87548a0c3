FUNCTION-POOL /ecc365/panels.

-- Every case has a number from the moment it is filed (issue 14): staff quote it on the phone and find their
-- application by it. R8-0001 = the first case of fiscal year 令和8年度 (April to March). The counter row of a fiscal
-- year is created once (CaseNumbers) and then incremented inside the filing transaction, so two nodes never hand out
-- the same number. The service name is the one of the filed application (a fact once validated), for the lists.
-- Portable SQL as in V1 to V3.
ALTER TABLE case_record ADD COLUMN case_number VARCHAR(16);
ALTER TABLE case_record ADD COLUMN service_name VARCHAR(200);
CREATE UNIQUE INDEX case_record_case_number ON case_record (case_number);
CREATE INDEX case_record_applicant ON case_record (applicant);

CREATE TABLE case_number_counter (
  fiscal_year  INTEGER NOT NULL PRIMARY KEY,
  last_number  INTEGER NOT NULL
);

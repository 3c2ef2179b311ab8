-- 0005_absence.sql - sick leave (M6's sick-leave figures): an employee's
-- spells of absence through own illness, from which org_sick_leave_get
-- computes the sick-leave percentage as NAV and SSB define it. Owned by
-- src/org/ (employees are org's). Portable SQL, as 0001.

-- One spell of sick leave (a sykefraværstilfelle), starts_on to ends_on
-- inclusive, both ISO dates (YYYY-MM-DD; text compares as dates).
-- kind: 'self_certified' is egenmelding (the employee's own notice, a
-- few days at a time); 'doctor_certified' is sykmelding (a doctor's
-- certificate). percent is how much of the post the employee is away:
-- 100 = fully away, less for graded leave (gradert sykmelding, e.g. 50
-- for half days). Self-certified leave cannot be graded, so it is
-- always 100 (SSB likewise counts egenmelding at grade 1).
CREATE TABLE absence (
  id          INTEGER PRIMARY KEY,
  employee_id INTEGER NOT NULL REFERENCES employee(id),
  starts_on   TEXT NOT NULL CHECK (length(starts_on) = 10),
  ends_on     TEXT NOT NULL CHECK (length(ends_on) = 10),
  kind        TEXT NOT NULL CHECK (kind IN ('self_certified', 'doctor_certified')),
  percent     INTEGER NOT NULL DEFAULT 100 CHECK (percent BETWEEN 1 AND 100),
  CHECK (starts_on <= ends_on),
  CHECK (kind = 'doctor_certified' OR percent = 100)
);
CREATE INDEX absence_employee ON absence(employee_id);
CREATE INDEX absence_period ON absence(starts_on, ends_on);

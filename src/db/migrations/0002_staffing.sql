-- 0002_staffing.sql - staffing (M6): a unit's shift types, its
-- døgnrytmeplan (the hour-by-hour workload of a week), its bemanningsplan
-- (staff per weekday, shift and skill) and the rotas (turnus) solved
-- from them. Owned by src/staffing/. Portable SQL, as 0001.

-- A shift a unit works: dag, aften, natt, langvakt (a 12-12.5 h long
-- shift). start_min is the minute of the day it starts; a shift may run
-- past midnight (natt 22:00 + 585 min ends 07:45 the next day).
CREATE TABLE shift_type (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  code        TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 15),
  name_nb     TEXT NOT NULL,
  name_se     TEXT NOT NULL,
  start_min   INTEGER NOT NULL CHECK (start_min BETWEEN 0 AND 1439),
  length_min  INTEGER NOT NULL CHECK (length_min BETWEEN 1 AND 1440),
  category    TEXT NOT NULL CHECK (category IN ('day', 'evening', 'night', 'long', 'other')),
  UNIQUE (unit_id, code),
  UNIQUE (unit_id, id)   -- target of the (unit_id, shift_type_id) keys below
);

-- The døgnrytmeplan: for each weekday (0 = Monday) and hour of a unit,
-- the staff needed by skill (separate head counts: nurses, health
-- workers who are not nurses, others), how many of them must speak
-- Northern Sámi, and what is done then.
CREATE TABLE rhythm_hour (
  unit_id        INTEGER NOT NULL REFERENCES unit(id),
  weekday        INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  hour           INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),
  nurses         INTEGER NOT NULL DEFAULT 0 CHECK (nurses >= 0),
  health_workers INTEGER NOT NULL DEFAULT 0 CHECK (health_workers >= 0),
  others         INTEGER NOT NULL DEFAULT 0 CHECK (others >= 0),
  sami_needed    INTEGER NOT NULL DEFAULT 0 CHECK (sami_needed >= 0),
  task_nb        TEXT NOT NULL DEFAULT '',
  task_se        TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (unit_id, weekday, hour)
);

-- The bemanningsplan: on a weekday, a shift wants min_count (must) to
-- preferred_count (would like) staff with the skill. Counts are
-- cumulative: 'nurse' counts nurses, 'health' health workers or nurses,
-- 'any' everyone on the shift, 'sami' Northern Sámi speakers.
CREATE TABLE staffing_need (
  unit_id         INTEGER NOT NULL REFERENCES unit(id),
  weekday         INTEGER NOT NULL CHECK (weekday BETWEEN 0 AND 6),
  shift_type_id   INTEGER NOT NULL REFERENCES shift_type(id),
  skill           TEXT NOT NULL CHECK (skill IN ('nurse', 'health', 'any', 'sami')),
  min_count       INTEGER NOT NULL CHECK (min_count >= 0),
  preferred_count INTEGER NOT NULL CHECK (preferred_count >= min_count),
  PRIMARY KEY (unit_id, weekday, shift_type_id, skill),
  FOREIGN KEY (unit_id, shift_type_id) REFERENCES shift_type(unit_id, id)
);

-- A solved rota of a unit: weeks from a Monday, with the solver's verdict.
-- seed is the solver's 64-bit seed stored as its signed bit pattern.
CREATE TABLE rota_plan (
  id         INTEGER PRIMARY KEY,
  unit_id    INTEGER NOT NULL REFERENCES unit(id),
  from_date  TEXT NOT NULL CHECK (length(from_date) = 10),  -- YYYY-MM-DD
  weeks      INTEGER NOT NULL CHECK (weeks BETWEEN 1 AND 52),
  created_at TEXT NOT NULL,                                 -- UTC, ISO-8601
  objective  BIGINT NOT NULL,
  feasible   INTEGER NOT NULL CHECK (feasible IN (0, 1)),
  seconds    DOUBLE PRECISION NOT NULL CHECK (seconds >= 0),
  seed       BIGINT NOT NULL
);
CREATE INDEX rota_plan_unit ON rota_plan(unit_id);

-- The employees of a plan in the order the rota lists them, with the
-- contract they had when it was planned.
CREATE TABLE rota_plan_employee (
  plan_id      INTEGER NOT NULL REFERENCES rota_plan(id),
  row_no       INTEGER NOT NULL CHECK (row_no >= 0),
  employee_id  INTEGER NOT NULL REFERENCES employee(id),
  fte_bp       INTEGER NOT NULL CHECK (fte_bp > 0 AND fte_bp <= 10000),
  competence   TEXT NOT NULL CHECK (competence IN ('nurse', 'health_worker', 'unskilled', 'other')),
  sami_speaker INTEGER NOT NULL CHECK (sami_speaker IN (0, 1)),
  PRIMARY KEY (plan_id, row_no),
  UNIQUE (plan_id, employee_id)
);

-- One employee's day in a plan; shift_type_id NULL is a day off.
-- day counts from the plan's from_date (0 = that Monday).
CREATE TABLE rota_assignment (
  plan_id       INTEGER NOT NULL,
  employee_id   INTEGER NOT NULL,
  day           INTEGER NOT NULL CHECK (day >= 0),
  shift_type_id INTEGER REFERENCES shift_type(id),
  PRIMARY KEY (plan_id, employee_id, day),
  FOREIGN KEY (plan_id, employee_id) REFERENCES rota_plan_employee(plan_id, employee_id)
);

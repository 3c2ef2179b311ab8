-- 0003_routes.sql - home-care routes (M7): the day's lists of a
-- municipality's mobile home care (KOSTRA 258), one per shift, as the
-- route planner made them. Owned by src/care/. Portable SQL, as 0001.

-- Further windows a visit may start in, besides visit_request's own
-- ("09:00-11:00, or else 13:00-14:00"), at most three, each after the
-- one before (checked by the route planner). Owned by src/care/.
CREATE TABLE visit_request_window (
  visit_request_id INTEGER NOT NULL REFERENCES visit_request(id),
  window_start     INTEGER NOT NULL CHECK (window_start BETWEEN 0 AND 1440),
  window_end       INTEGER NOT NULL CHECK (window_end BETWEEN 0 AND 1440),
  CHECK (window_start <= window_end),
  PRIMARY KEY (visit_request_id, window_start)
);

-- The caregivers a recipient has as contacts, rank 1 the primærkontakt
-- (the primary contact every home-care recipient is given): the route
-- planner sends the best-ranked one at work. Owned by src/care/.
CREATE TABLE recipient_contact (
  recipient_id INTEGER NOT NULL REFERENCES care_recipient(id),
  employee_id  INTEGER NOT NULL REFERENCES employee(id),
  rank         INTEGER NOT NULL CHECK (rank >= 1),
  PRIMARY KEY (recipient_id, employee_id)
);

-- A caregiver who starts and ends the shift at home rather than at the
-- office (common where the settlements are far apart). Owned by
-- src/care/.
CREATE TABLE caregiver_home (
  employee_id INTEGER PRIMARY KEY REFERENCES employee(id),
  lat         DOUBLE PRECISION NOT NULL CHECK (lat BETWEEN -90 AND 90),
  lon         DOUBLE PRECISION NOT NULL CHECK (lon BETWEEN -180 AND 180)
);

-- One planning of one day and shift. A re-planning (a caregiver off
-- sick) adds a new row that names the one it replaces; the current lists
-- are the newest row of the day and shift.
CREATE TABLE route_plan (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality(id),
  unit_id         INTEGER NOT NULL REFERENCES unit(id),
  day             TEXT NOT NULL CHECK (length(day) = 10),   -- YYYY-MM-DD
  shift           TEXT NOT NULL CHECK (shift IN ('day', 'evening')),
  rota_plan_id    INTEGER NOT NULL REFERENCES rota_plan(id),
  replaces        INTEGER REFERENCES route_plan(id),
  reason          TEXT NOT NULL DEFAULT '',   -- 'sick E-123' on a re-plan
  created_at      TEXT NOT NULL,              -- UTC, ISO-8601
  travel_min      DOUBLE PRECISION NOT NULL CHECK (travel_min >= 0),
  soft_cost       DOUBLE PRECISION NOT NULL CHECK (soft_cost >= 0),
  seconds         DOUBLE PRECISION NOT NULL CHECK (seconds >= 0),
  seed            BIGINT NOT NULL
);
CREATE INDEX route_plan_day ON route_plan(municipality_id, day, shift);

-- A caregiver on duty in the plan, in list order, with the shift worked,
-- the drive back to the office after the last visit, and the break
-- (arbeidsmiljøloven § 10-9), taken at the office: break_min long,
-- starting at break_start_min after the first break_after stops, with
-- break_drive_min to get there; break_start_min NULL when the list left
-- no room for it.
CREATE TABLE route_caregiver (
  plan_id      INTEGER NOT NULL REFERENCES route_plan(id),
  row_no       INTEGER NOT NULL CHECK (row_no >= 0),
  employee_id  INTEGER NOT NULL REFERENCES employee(id),
  shift_code   TEXT NOT NULL,
  start_min    INTEGER NOT NULL,
  end_min      INTEGER NOT NULL CHECK (end_min > start_min),
  competence   TEXT NOT NULL,
  sami_speaker INTEGER NOT NULL CHECK (sami_speaker IN (0, 1)),
  back_min     DOUBLE PRECISION NOT NULL CHECK (back_min >= 0), -- last stop to the office (or home)
  from_home    INTEGER NOT NULL DEFAULT 0 CHECK (from_home IN (0, 1)),
  break_min       INTEGER NOT NULL DEFAULT 0 CHECK (break_min >= 0),
  break_start_min DOUBLE PRECISION,
  break_after     INTEGER NOT NULL DEFAULT 0 CHECK (break_after >= 0),
  break_drive_min DOUBLE PRECISION NOT NULL DEFAULT 0 CHECK (break_drive_min >= 0),
  PRIMARY KEY (plan_id, row_no),
  UNIQUE (plan_id, employee_id)
);

-- A visit on a caregiver's list: the seq-th stop, arriving at arrive_min
-- and starting the visit at start_min (minutes after midnight). A visit
-- for two caregivers is on two lists: part 0 and part 1, one start.
CREATE TABLE route_stop (
  plan_id          INTEGER NOT NULL,
  employee_id      INTEGER NOT NULL,
  seq              INTEGER NOT NULL CHECK (seq >= 0),
  visit_request_id INTEGER NOT NULL REFERENCES visit_request(id),
  part             INTEGER NOT NULL DEFAULT 0 CHECK (part IN (0, 1)),
  arrive_min       DOUBLE PRECISION NOT NULL,
  start_min        DOUBLE PRECISION NOT NULL CHECK (start_min >= arrive_min),
  drive_min        DOUBLE PRECISION NOT NULL CHECK (drive_min >= 0),
  PRIMARY KEY (plan_id, employee_id, seq),
  UNIQUE (plan_id, visit_request_id, part),
  FOREIGN KEY (plan_id, employee_id) REFERENCES route_caregiver(plan_id, employee_id)
);

-- A visit due that day that no list could take, and why: 'skill' (no
-- one on duty has it), 'window' (no qualified caregiver's shift reaches
-- it in time), 'time' (the lists are full).
CREATE TABLE route_unserved (
  plan_id          INTEGER NOT NULL REFERENCES route_plan(id),
  visit_request_id INTEGER NOT NULL REFERENCES visit_request(id),
  reason           TEXT NOT NULL CHECK (reason IN ('skill', 'window', 'time')),
  PRIMARY KEY (plan_id, visit_request_id)
);

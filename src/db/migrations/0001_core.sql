-- 0001_core.sql - the core schema: municipalities and their organisation,
-- people, users and roles, the change programme, budget and accounts,
-- home-care recipients and visit requests.
-- Portable SQL: SQLite and PostgreSQL both accept every statement here.
-- SQLite numbers an INTEGER PRIMARY KEY left out of an INSERT; PostgreSQL
-- does not, so its migrations will declare these ids as identity columns.
-- Texts that people read exist in Bokmål (_nb) and Northern Sámi (_se).

CREATE TABLE municipality (
  id            INTEGER PRIMARY KEY,
  code          TEXT NOT NULL UNIQUE,      -- SSB kommunenummer, '5610'
  name_nb       TEXT NOT NULL,
  name_se       TEXT NOT NULL,
  org_no        TEXT,
  inhabitants   INTEGER NOT NULL CHECK (inhabitants >= 0),
  area_km2      INTEGER NOT NULL CHECK (area_km2 > 0),
  kostra_group  TEXT,
  lat           DOUBLE PRECISION,
  lon           DOUBLE PRECISION
);

CREATE TABLE sector (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality(id),
  code            TEXT NOT NULL,           -- 'helse', 'oppvekst', 'ptmn', 'adm'
  name_nb         TEXT NOT NULL,
  name_se         TEXT NOT NULL,
  UNIQUE (municipality_id, code)
);

-- An organisational unit; ansvar is its cost centre in the accounts.
CREATE TABLE unit (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality(id),
  sector_id       INTEGER NOT NULL REFERENCES sector(id),
  ansvar          TEXT NOT NULL,
  name_nb         TEXT NOT NULL,
  name_se         TEXT NOT NULL,
  funksjon        TEXT,                    -- main KOSTRA funksjon
  round_the_clock INTEGER NOT NULL DEFAULT 0 CHECK (round_the_clock IN (0, 1)),
  UNIQUE (municipality_id, ansvar)
);

CREATE TABLE employee (
  id               INTEGER PRIMARY KEY,
  municipality_id  INTEGER NOT NULL REFERENCES municipality(id),
  employee_no      TEXT NOT NULL,
  given_name       TEXT NOT NULL,
  family_name      TEXT NOT NULL,
  birth_year       INTEGER,
  -- 0 none, 1 understands, 2 speaks, 3 writes Northern Sámi
  sami_proficiency INTEGER NOT NULL DEFAULT 0 CHECK (sami_proficiency BETWEEN 0 AND 3),
  hired_on         TEXT,
  UNIQUE (municipality_id, employee_no)
);

-- A post in a unit; employee_id NULL means vacant.
-- fte_bp is the post's size in basis points: 10000 = 100 % (full time).
CREATE TABLE position (
  id          INTEGER PRIMARY KEY,
  unit_id     INTEGER NOT NULL REFERENCES unit(id),
  employee_id INTEGER REFERENCES employee(id),
  title_nb    TEXT NOT NULL,
  title_se    TEXT NOT NULL,
  fte_bp      INTEGER NOT NULL CHECK (fte_bp > 0 AND fte_bp <= 10000),
  competence  TEXT NOT NULL CHECK (competence IN ('nurse', 'health_worker', 'unskilled', 'other')),
  starts_on   TEXT,
  ends_on     TEXT
);
CREATE INDEX position_unit ON position(unit_id);
CREATE INDEX position_employee ON position(employee_id);

CREATE TABLE role (
  id      INTEGER PRIMARY KEY,
  code    TEXT NOT NULL UNIQUE,  -- admin, leader, budget_holder, rota_planner,
                                 -- homecare_coordinator, case_worker, employee, steering_group
  name_nb TEXT NOT NULL,
  name_se TEXT NOT NULL
);

-- "user" is reserved in PostgreSQL, hence app_user.
CREATE TABLE app_user (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  full_name     TEXT NOT NULL,
  employee_id   INTEGER REFERENCES employee(id),
  password_hash TEXT,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
);

-- A role held in one municipality; municipality_id NULL = both (shared services).
CREATE TABLE user_role (
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER NOT NULL REFERENCES app_user(id),
  role_id         INTEGER NOT NULL REFERENCES role(id),
  municipality_id INTEGER REFERENCES municipality(id),
  UNIQUE (user_id, role_id, municipality_id)
);

-- The change programme ("Framtidens Karasjok").
CREATE TABLE programme (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality(id),
  code            TEXT NOT NULL UNIQUE,
  name_nb         TEXT NOT NULL,
  name_se         TEXT NOT NULL,
  purpose_nb      TEXT NOT NULL,
  purpose_se      TEXT NOT NULL,
  starts_on       TEXT NOT NULL,
  ends_on         TEXT NOT NULL
);

CREATE TABLE programme_stage (
  id           INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  number       INTEGER NOT NULL CHECK (number >= 1),
  code         TEXT NOT NULL,            -- 'BASIS', 'NY GIV', 'BESTE PRAKSIS'
  name_nb      TEXT NOT NULL,
  name_se      TEXT NOT NULL,
  starts_on    TEXT NOT NULL,
  ends_on      TEXT NOT NULL,
  UNIQUE (programme_id, number)
);

-- The cross-cutting challenges (gjennomgripende utfordringer).
CREATE TABLE challenge (
  id           INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  number       INTEGER NOT NULL,
  name_nb      TEXT NOT NULL,
  name_se      TEXT NOT NULL,
  UNIQUE (programme_id, number)
);

CREATE TABLE subproject (
  id           INTEGER PRIMARY KEY,
  programme_id INTEGER NOT NULL REFERENCES programme(id),
  sector_id    INTEGER REFERENCES sector(id),
  code         TEXT NOT NULL,
  name_nb      TEXT NOT NULL,
  name_se      TEXT NOT NULL,
  UNIQUE (programme_id, code)
);

-- An effect goal (effektmål) of a sub-project, grouped by area (e.g. Ledelse).
CREATE TABLE effect_goal (
  id            INTEGER PRIMARY KEY,
  subproject_id INTEGER NOT NULL REFERENCES subproject(id),
  challenge_id  INTEGER REFERENCES challenge(id),
  number        INTEGER NOT NULL,
  area_nb       TEXT NOT NULL,
  area_se       TEXT NOT NULL,
  text_nb       TEXT NOT NULL,
  text_se       TEXT NOT NULL,
  indicator_nb  TEXT,
  indicator_se  TEXT,
  baseline      TEXT,
  target        TEXT,
  UNIQUE (subproject_id, number)
);

-- A measure (tiltak) with an owner, a deadline and a status.
CREATE TABLE measure (
  id                INTEGER PRIMARY KEY,
  subproject_id     INTEGER NOT NULL REFERENCES subproject(id),
  stage_id          INTEGER NOT NULL REFERENCES programme_stage(id),
  challenge_id      INTEGER REFERENCES challenge(id),
  number            INTEGER NOT NULL,
  text_nb           TEXT NOT NULL,
  text_se           TEXT NOT NULL,
  owner_employee_id INTEGER REFERENCES employee(id),
  deadline          TEXT,
  status            TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'done', 'late', 'cancelled')),
  UNIQUE (subproject_id, number)
);

-- A working group (arbeidsgruppe) or reference group (referansegruppe).
CREATE TABLE work_group (
  id                 INTEGER PRIMARY KEY,
  programme_id       INTEGER NOT NULL REFERENCES programme(id),
  subproject_id      INTEGER REFERENCES subproject(id),
  kind               TEXT NOT NULL CHECK (kind IN ('working', 'reference')),
  name_nb            TEXT NOT NULL,
  name_se            TEXT NOT NULL,
  mandate_nb         TEXT NOT NULL,
  mandate_se         TEXT NOT NULL,
  leader_employee_id INTEGER REFERENCES employee(id),
  established_on     TEXT
);

-- A member is an employee or an outsider (user, stakeholder) by name.
CREATE TABLE group_member (
  id            INTEGER PRIMARY KEY,
  group_id      INTEGER NOT NULL REFERENCES work_group(id),
  employee_id   INTEGER REFERENCES employee(id),
  external_name TEXT,
  member_role   TEXT NOT NULL CHECK (member_role IN ('leader', 'member', 'employee_rep', 'user_rep', 'stakeholder')),
  CHECK (employee_id IS NOT NULL OR external_name IS NOT NULL)
);
CREATE INDEX group_member_group ON group_member(group_id);

-- KOSTRA code lists, shipped as data with their validity.
CREATE TABLE kostra_funksjon (
  code       TEXT PRIMARY KEY,
  name_nb    TEXT NOT NULL,
  name_se    TEXT NOT NULL,
  valid_from INTEGER NOT NULL,  -- year
  valid_to   INTEGER            -- last year, NULL = still valid
);

CREATE TABLE kostra_art (
  code       TEXT PRIMARY KEY,
  name_nb    TEXT NOT NULL,
  name_se    TEXT NOT NULL,
  valid_from INTEGER NOT NULL,
  valid_to   INTEGER
);

-- Budget and accounts per month by ansvar x funksjon x art, in øre.
-- Expenses are positive, revenues negative (as in the SSB reporting file).
CREATE TABLE budget_line (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality(id),
  year            INTEGER NOT NULL,
  month           INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  ansvar          TEXT NOT NULL,
  funksjon        TEXT NOT NULL REFERENCES kostra_funksjon(code),
  art             TEXT NOT NULL REFERENCES kostra_art(code),
  amount_ore      BIGINT NOT NULL,
  FOREIGN KEY (municipality_id, ansvar) REFERENCES unit(municipality_id, ansvar),
  UNIQUE (municipality_id, year, month, ansvar, funksjon, art)
);

CREATE TABLE account_line (
  id              INTEGER PRIMARY KEY,
  municipality_id INTEGER NOT NULL REFERENCES municipality(id),
  year            INTEGER NOT NULL,
  month           INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  ansvar          TEXT NOT NULL,
  funksjon        TEXT NOT NULL REFERENCES kostra_funksjon(code),
  art             TEXT NOT NULL REFERENCES kostra_art(code),
  amount_ore      BIGINT NOT NULL,
  FOREIGN KEY (municipality_id, ansvar) REFERENCES unit(municipality_id, ansvar),
  UNIQUE (municipality_id, year, month, ansvar, funksjon, art)
);

-- A home-care recipient (tjenestemottaker). Health data: scoped to its
-- municipality everywhere it is read.
CREATE TABLE care_recipient (
  id                 INTEGER PRIMARY KEY,
  municipality_id    INTEGER NOT NULL REFERENCES municipality(id),
  code               TEXT NOT NULL,     -- pseudonymous reference
  given_name         TEXT NOT NULL,
  family_name        TEXT NOT NULL,
  birth_year         INTEGER,
  settlement         TEXT NOT NULL,     -- place name as used locally
  lat                DOUBLE PRECISION NOT NULL,
  lon                DOUBLE PRECISION NOT NULL,
  preferred_language TEXT NOT NULL CHECK (preferred_language IN ('se', 'nb')),
  UNIQUE (municipality_id, code)
);

-- What the recipient needs help with (medication, personal_care, ...).
CREATE TABLE recipient_need (
  recipient_id INTEGER NOT NULL REFERENCES care_recipient(id),
  need         TEXT NOT NULL,
  PRIMARY KEY (recipient_id, need)
);

-- A recurring visit: on the weekdays of the pattern ('1111100' = Mon-Fri),
-- starting inside [window_start, window_end] (minutes after midnight).
CREATE TABLE visit_request (
  id             INTEGER PRIMARY KEY,
  recipient_id   INTEGER NOT NULL REFERENCES care_recipient(id),
  weekdays       TEXT NOT NULL CHECK (length(weekdays) = 7),
  window_start   INTEGER NOT NULL CHECK (window_start BETWEEN 0 AND 1440),
  window_end     INTEGER NOT NULL CHECK (window_end BETWEEN 0 AND 1440),
  duration_min   INTEGER NOT NULL CHECK (duration_min > 0),
  competence     TEXT NOT NULL CHECK (competence IN ('nurse', 'health_worker', 'any')),
  task           TEXT NOT NULL,
  two_caregivers INTEGER NOT NULL DEFAULT 0 CHECK (two_caregivers IN (0, 1)),
  CHECK (window_start <= window_end)
);
CREATE INDEX visit_request_recipient ON visit_request(recipient_id);

-- CreateTable
CREATE TABLE "ReportDailyRollup" (
    "day" DATE NOT NULL,
    "receivingUnitId" TEXT NOT NULL,
    "kind" "PetitionKind" NOT NULL,
    "field" TEXT NOT NULL,
    "received" INTEGER NOT NULL DEFAULT 0,
    "accepted" INTEGER NOT NULL DEFAULT 0,
    "resolved" INTEGER NOT NULL DEFAULT 0,
    "resolvedOnTime" INTEGER NOT NULL DEFAULT 0,
    "forwarded" INTEGER NOT NULL DEFAULT 0,
    "withdrawn" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportDailyRollup_pkey" PRIMARY KEY ("day","receivingUnitId","kind","field")
);

-- CreateTable
CREATE TABLE "ReportEscalationDay" (
    "petitionId" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "receivingUnitId" TEXT NOT NULL,
    "kind" "PetitionKind" NOT NULL,
    "field" TEXT NOT NULL,
    "events" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "ReportEscalationDay_pkey" PRIMARY KEY ("petitionId","day")
);

-- CreateIndex
CREATE INDEX "ReportEscalationDay_day_receivingUnitId_kind_field_petition_idx" ON "ReportEscalationDay"("day", "receivingUnitId", "kind", "field", "petitionId");

-- CreateIndex
CREATE INDEX "Petition_closedAt_dueAt_receivingUnitId_kind_field_idx" ON "Petition"("closedAt", "dueAt", "receivingUnitId", "kind", "field");

-- CreateIndex
CREATE INDEX "Petition_receivingUnitId_receivedAt_idx" ON "Petition"("receivingUnitId", "receivedAt");

-- CreateIndex
CREATE INDEX "PetitionEvent_type_at_idx" ON "PetitionEvent"("type", "at");

-- The rollups above are kept by triggers, in the same transaction as the petition or event they count:
-- whatever writes the rows (the record activity, registration, a seed script) keeps the reports exact.
-- Nothing writes while they are filled from the rows already there.
LOCK TABLE "Petition", "PetitionEvent" IN SHARE MODE;

-- The local calendar day of a UTC timestamp: Vietnam keeps UTC+7 all year (src/domain/calendar/day.ts).
CREATE FUNCTION danvan_local_day(t TIMESTAMP(3)) RETURNS DATE LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT (t + INTERVAL '7 hours')::date
$$;

-- An event's `dueBefore` (an ISO instant) as a UTC timestamp; NULL when absent or unreadable, which the
-- reports count as "not on time", as reading it in JavaScript did (Date.parse gives NaN).
CREATE FUNCTION danvan_try_utc(value TEXT) RETURNS TIMESTAMP(3) LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
BEGIN
  IF value IS NULL OR value = '' THEN
    RETURN NULL;
  END IF;
  RETURN (value::timestamptz) AT TIME ZONE 'UTC';
EXCEPTION WHEN others THEN
  RETURN NULL;
END
$$;

CREATE FUNCTION danvan_rollup_petition(unit TEXT, k "PetitionKind", f TEXT, received_at TIMESTAMP(3), delta INTEGER) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "ReportDailyRollup" AS r ("day", "receivingUnitId", "kind", "field", "received")
  VALUES (danvan_local_day(received_at), unit, k, f, delta)
  ON CONFLICT ("day", "receivingUnitId", "kind", "field") DO UPDATE SET "received" = r."received" + EXCLUDED."received"
$$;

CREATE FUNCTION danvan_rollup_event(unit TEXT, k "PetitionKind", f TEXT, petition TEXT, t TEXT, event_at TIMESTAMP(3), data JSONB, delta INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  d DATE := danvan_local_day(event_at);
BEGIN
  IF t = 'escalated' THEN
    INSERT INTO "ReportEscalationDay" AS r ("petitionId", "day", "receivingUnitId", "kind", "field", "events")
    VALUES (petition, d, unit, k, f, delta)
    ON CONFLICT ("petitionId", "day") DO UPDATE SET "events" = r."events" + EXCLUDED."events";
    DELETE FROM "ReportEscalationDay" WHERE "petitionId" = petition AND "day" = d AND "events" <= 0;
  ELSIF t IN ('accept', 'resolve', 'forward', 'withdraw') THEN
    INSERT INTO "ReportDailyRollup" AS r ("day", "receivingUnitId", "kind", "field", "accepted", "resolved", "resolvedOnTime", "forwarded", "withdrawn")
    VALUES (d, unit, k, f,
      CASE WHEN t = 'accept' THEN delta ELSE 0 END,
      CASE WHEN t = 'resolve' THEN delta ELSE 0 END,
      CASE WHEN t = 'resolve' AND event_at <= danvan_try_utc(data->>'dueBefore') THEN delta ELSE 0 END,
      CASE WHEN t = 'forward' THEN delta ELSE 0 END,
      CASE WHEN t = 'withdraw' THEN delta ELSE 0 END)
    ON CONFLICT ("day", "receivingUnitId", "kind", "field") DO UPDATE SET
      "accepted" = r."accepted" + EXCLUDED."accepted",
      "resolved" = r."resolved" + EXCLUDED."resolved",
      "resolvedOnTime" = r."resolvedOnTime" + EXCLUDED."resolvedOnTime",
      "forwarded" = r."forwarded" + EXCLUDED."forwarded",
      "withdrawn" = r."withdrawn" + EXCLUDED."withdrawn";
  END IF;
END
$$;

-- A petition's own contribution and that of each of its events, with its keys as they were (sign -1) or are (+1).
CREATE FUNCTION danvan_rollup_whole_petition(p "Petition", delta INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  e RECORD;
BEGIN
  PERFORM danvan_rollup_petition(p."receivingUnitId", p."kind", p."field", p."receivedAt", delta);
  FOR e IN SELECT "type", "at", "data" FROM "PetitionEvent" WHERE "petitionId" = p."id" AND "type" IN ('accept', 'resolve', 'forward', 'withdraw', 'escalated') LOOP
    PERFORM danvan_rollup_event(p."receivingUnitId", p."kind", p."field", p."id", e."type", e."at", e."data", delta);
  END LOOP;
END
$$;

CREATE FUNCTION danvan_petition_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM danvan_rollup_petition(NEW."receivingUnitId", NEW."kind", NEW."field", NEW."receivedAt", 1);
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM danvan_rollup_whole_petition(OLD, -1);
    PERFORM danvan_rollup_whole_petition(NEW, 1);
    RETURN NEW;
  END IF;
  -- Before the delete: the cascade removes the events next, when the petition can no longer be read.
  PERFORM danvan_rollup_whole_petition(OLD, -1);
  RETURN OLD;
END
$$;

CREATE FUNCTION danvan_event_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT "receivingUnitId", "kind", "field" INTO p FROM "Petition" WHERE "id" = OLD."petitionId";
    IF FOUND THEN
      PERFORM danvan_rollup_event(p."receivingUnitId", p."kind", p."field", OLD."petitionId", OLD."type", OLD."at", OLD."data", -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT "receivingUnitId", "kind", "field" INTO p FROM "Petition" WHERE "id" = NEW."petitionId";
    IF FOUND THEN
      PERFORM danvan_rollup_event(p."receivingUnitId", p."kind", p."field", NEW."petitionId", NEW."type", NEW."at", NEW."data", 1);
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER "Petition_report_rollup_insert" AFTER INSERT ON "Petition" FOR EACH ROW EXECUTE FUNCTION danvan_petition_rollup_trigger();
CREATE TRIGGER "Petition_report_rollup_update" AFTER UPDATE OF "receivingUnitId", "kind", "field", "receivedAt" ON "Petition" FOR EACH ROW
  WHEN (OLD."receivingUnitId" IS DISTINCT FROM NEW."receivingUnitId" OR OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."field" IS DISTINCT FROM NEW."field" OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt")
  EXECUTE FUNCTION danvan_petition_rollup_trigger();
CREATE TRIGGER "Petition_report_rollup_delete" BEFORE DELETE ON "Petition" FOR EACH ROW EXECUTE FUNCTION danvan_petition_rollup_trigger();

-- Only the event types the periodic report counts; reminders and the rest cost nothing.
CREATE TRIGGER "PetitionEvent_report_rollup_insert" AFTER INSERT ON "PetitionEvent" FOR EACH ROW
  WHEN (NEW."type" IN ('accept', 'resolve', 'forward', 'withdraw', 'escalated'))
  EXECUTE FUNCTION danvan_event_rollup_trigger();
CREATE TRIGGER "PetitionEvent_report_rollup_delete" AFTER DELETE ON "PetitionEvent" FOR EACH ROW
  WHEN (OLD."type" IN ('accept', 'resolve', 'forward', 'withdraw', 'escalated'))
  EXECUTE FUNCTION danvan_event_rollup_trigger();
CREATE TRIGGER "PetitionEvent_report_rollup_update" AFTER UPDATE OF "petitionId", "type", "at", "data" ON "PetitionEvent" FOR EACH ROW
  EXECUTE FUNCTION danvan_event_rollup_trigger();

-- The rows already there.
INSERT INTO "ReportDailyRollup" ("day", "receivingUnitId", "kind", "field", "received", "accepted", "resolved", "resolvedOnTime", "forwarded", "withdrawn")
SELECT "day", "unit", "kind", "field", SUM("received"), SUM("accepted"), SUM("resolved"), SUM("onTime"), SUM("forwarded"), SUM("withdrawn")
FROM (
  SELECT danvan_local_day(p."receivedAt") AS "day", p."receivingUnitId" AS "unit", p."kind", p."field",
    1 AS "received", 0 AS "accepted", 0 AS "resolved", 0 AS "onTime", 0 AS "forwarded", 0 AS "withdrawn"
  FROM "Petition" p
  UNION ALL
  SELECT danvan_local_day(e."at"), p."receivingUnitId", p."kind", p."field", 0,
    (e."type" = 'accept')::int, (e."type" = 'resolve')::int,
    COALESCE((e."type" = 'resolve' AND e."at" <= danvan_try_utc(e."data"->>'dueBefore'))::int, 0),
    (e."type" = 'forward')::int, (e."type" = 'withdraw')::int
  FROM "PetitionEvent" e JOIN "Petition" p ON p."id" = e."petitionId"
  WHERE e."type" IN ('accept', 'resolve', 'forward', 'withdraw')
) AS x
GROUP BY "day", "unit", "kind", "field";

INSERT INTO "ReportEscalationDay" ("petitionId", "day", "receivingUnitId", "kind", "field", "events")
SELECT e."petitionId", danvan_local_day(e."at"), p."receivingUnitId", p."kind", p."field", COUNT(*)
FROM "PetitionEvent" e JOIN "Petition" p ON p."id" = e."petitionId"
WHERE e."type" = 'escalated'
GROUP BY 1, 2, 3, 4, 5;

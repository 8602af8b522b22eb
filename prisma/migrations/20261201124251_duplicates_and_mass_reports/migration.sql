-- AlterTable
ALTER TABLE "Petition" ADD COLUMN     "duplicateOfId" TEXT;

-- AlterTable
ALTER TABLE "Petitioner" ADD COLUMN     "matchKeys" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- AlterTable
ALTER TABLE "ReportMonthlyRollup" ADD COLUMN     "massReceived" INTEGER NOT NULL DEFAULT 0;

-- CreateIndex
CREATE INDEX "Petition_duplicateOfId_idx" ON "Petition"("duplicateOfId");

-- CreateIndex
CREATE INDEX "Petitioner_matchKeys_idx" ON "Petitioner" USING GIN ("matchKeys");

-- AddForeignKey
ALTER TABLE "Petition" ADD CONSTRAINT "Petition_duplicateOfId_fkey" FOREIGN KEY ("duplicateOfId") REFERENCES "Petition"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Reports (migration report_rollups) count a petition linked as a duplicate with the case it duplicates
-- only, so the same matter sent twice is counted once; and they count mass petitions among those received.
-- Only the functions and the update trigger's columns change; the rollups are then rebuilt once.
LOCK TABLE "Petition", "PetitionEvent" IN SHARE MODE;

CREATE FUNCTION danvan_rollup_mass(unit TEXT, k "PetitionKind", f TEXT, received_at TIMESTAMP(3), delta INTEGER) RETURNS VOID LANGUAGE sql AS $$
  INSERT INTO "ReportMonthlyRollup" AS r ("month", "receivingUnitId", "kind", "field", "massReceived")
  VALUES (danvan_local_month(received_at), unit, k, f, delta)
  ON CONFLICT ("month", "receivingUnitId", "kind", "field") DO UPDATE SET "massReceived" = r."massReceived" + EXCLUDED."massReceived"
$$;

CREATE OR REPLACE FUNCTION danvan_rollup_whole_petition(p "Petition", delta INTEGER) RETURNS VOID LANGUAGE plpgsql AS $$
DECLARE
  e RECORD;
BEGIN
  IF p."duplicateOfId" IS NOT NULL THEN
    RETURN;
  END IF;
  PERFORM danvan_rollup_petition(p."receivingUnitId", p."kind", p."field", p."receivedAt", delta);
  IF p."isMass" THEN
    PERFORM danvan_rollup_mass(p."receivingUnitId", p."kind", p."field", p."receivedAt", delta);
  END IF;
  FOR e IN SELECT "type", "at", "data" FROM "PetitionEvent" WHERE "petitionId" = p."id" AND "type" IN ('accept', 'resolve', 'forward', 'withdraw', 'escalated') LOOP
    PERFORM danvan_rollup_event(p."receivingUnitId", p."kind", p."field", p."id", e."type", e."at", e."data", delta);
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION danvan_petition_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW."duplicateOfId" IS NULL THEN
      PERFORM danvan_rollup_petition(NEW."receivingUnitId", NEW."kind", NEW."field", NEW."receivedAt", 1);
      IF NEW."isMass" THEN
        PERFORM danvan_rollup_mass(NEW."receivingUnitId", NEW."kind", NEW."field", NEW."receivedAt", 1);
      END IF;
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM danvan_rollup_whole_petition(OLD, -1);
    PERFORM danvan_rollup_whole_petition(NEW, 1);
    RETURN NEW;
  END IF;
  PERFORM danvan_rollup_whole_petition(OLD, -1);
  RETURN OLD;
END
$$;

CREATE OR REPLACE FUNCTION danvan_event_rollup_trigger() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    SELECT "receivingUnitId", "kind", "field" INTO p FROM "Petition" WHERE "id" = OLD."petitionId" AND "duplicateOfId" IS NULL;
    IF FOUND THEN
      PERFORM danvan_rollup_event(p."receivingUnitId", p."kind", p."field", OLD."petitionId", OLD."type", OLD."at", OLD."data", -1);
    END IF;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    SELECT "receivingUnitId", "kind", "field" INTO p FROM "Petition" WHERE "id" = NEW."petitionId" AND "duplicateOfId" IS NULL;
    IF FOUND THEN
      PERFORM danvan_rollup_event(p."receivingUnitId", p."kind", p."field", NEW."petitionId", NEW."type", NEW."at", NEW."data", 1);
    END IF;
    RETURN NEW;
  END IF;
  RETURN OLD;
END
$$;

DROP TRIGGER "Petition_report_rollup_update" ON "Petition";
CREATE TRIGGER "Petition_report_rollup_update" AFTER UPDATE OF "receivingUnitId", "kind", "field", "receivedAt", "duplicateOfId", "isMass" ON "Petition" FOR EACH ROW
  WHEN (OLD."receivingUnitId" IS DISTINCT FROM NEW."receivingUnitId" OR OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."field" IS DISTINCT FROM NEW."field" OR OLD."receivedAt" IS DISTINCT FROM NEW."receivedAt"
    OR OLD."duplicateOfId" IS DISTINCT FROM NEW."duplicateOfId" OR OLD."isMass" IS DISTINCT FROM NEW."isMass")
  EXECUTE FUNCTION danvan_petition_rollup_trigger();

CREATE OR REPLACE FUNCTION danvan_rebuild_report_rollups() RETURNS VOID LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Petition", "PetitionEvent" IN SHARE MODE;
  DELETE FROM "ReportMonthlyRollup";
  DELETE FROM "ReportEscalationMonth";
  INSERT INTO "ReportMonthlyRollup" ("month", "receivingUnitId", "kind", "field", "received", "accepted", "resolved", "resolvedOnTime", "forwarded", "withdrawn", "massReceived")
  SELECT "month", "unit", "kind", "field", SUM("received"), SUM("accepted"), SUM("resolved"), SUM("onTime"), SUM("forwarded"), SUM("withdrawn"), SUM("mass")
  FROM (
    SELECT danvan_local_month(p."receivedAt") AS "month", p."receivingUnitId" AS "unit", p."kind", p."field",
      1 AS "received", 0 AS "accepted", 0 AS "resolved", 0 AS "onTime", 0 AS "forwarded", 0 AS "withdrawn", p."isMass"::int AS "mass"
    FROM "Petition" p
    WHERE p."duplicateOfId" IS NULL
    UNION ALL
    SELECT danvan_local_month(e."at"), p."receivingUnitId", p."kind", p."field", 0,
      (e."type" = 'accept')::int, (e."type" = 'resolve')::int,
      COALESCE((e."type" = 'resolve' AND e."at" <= danvan_try_utc(e."data"->>'dueBefore'))::int, 0),
      (e."type" = 'forward')::int, (e."type" = 'withdraw')::int, 0
    FROM "PetitionEvent" e JOIN "Petition" p ON p."id" = e."petitionId"
    WHERE e."type" IN ('accept', 'resolve', 'forward', 'withdraw') AND p."duplicateOfId" IS NULL
  ) AS x
  GROUP BY "month", "unit", "kind", "field";

  INSERT INTO "ReportEscalationMonth" ("petitionId", "month", "receivingUnitId", "kind", "field", "events")
  SELECT e."petitionId", danvan_local_month(e."at"), p."receivingUnitId", p."kind", p."field", COUNT(*)
  FROM "PetitionEvent" e JOIN "Petition" p ON p."id" = e."petitionId"
  WHERE e."type" = 'escalated' AND p."duplicateOfId" IS NULL
  GROUP BY 1, 2, 3, 4, 5;
END
$$;

SELECT danvan_rebuild_report_rollups();

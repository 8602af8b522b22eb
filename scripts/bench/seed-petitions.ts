// Seeds a province of 111 units (a province, 10 districts, 100 communes), a leader for each and a
// supervisor, then N petitions over three years (2024-01-01 … 2026-11-30) with their events, straight
// into PostgreSQL with INSERT … SELECT. Triggers are off for the bulk load; the report rollups are then
// built by danvan_rebuild_report_rollups(), the function the migration itself runs.
//
// Per petition (pseudo-random from hashint4, so every run seeds the same rows): a receipt; accepted 90%;
// forwarded 5%; a reminder to the leader 20%; escalated 6% (2% twice); 92% closed, of which resolved
// (85%, on time when closed within 30 days of the 30-day deadline) or withdrawn (3%). About 3.3 events
// per petition.
import type { Client } from 'pg';

export async function seedPetitions(pg: Client, n: number): Promise<{ petitions: number; events: number }> {
  await pg.query(`SET session_replication_role = replica`);
  await pg.query(`
    INSERT INTO "Unit" ("id", "name", "level", "parentId") VALUES ('b-p', 'Tỉnh Thử Tải', 'province', NULL);
    INSERT INTO "Unit" ("id", "name", "level", "parentId") SELECT 'b-d' || d, 'Huyện ' || d, 'district', 'b-p' FROM generate_series(1, 10) d;
    INSERT INTO "Unit" ("id", "name", "level", "parentId") SELECT 'b-c' || c, 'Xã ' || c, 'commune', 'b-d' || (1 + (c - 1) / 10) FROM generate_series(1, 100) c;
    INSERT INTO "Person" ("id", "username", "fullName", "email", "passwordHash", "unitId")
      SELECT 'b-l-' || u."id", 'b-l-' || u."id", 'Lãnh đạo ' || u."name", u."id" || '@bench.test', 'x', u."id" FROM "Unit" u WHERE u."id" LIKE 'b-%';
    UPDATE "Unit" SET "responsibleLeaderId" = 'b-l-' || "id" WHERE "id" LIKE 'b-%';
    INSERT INTO "Person" ("id", "username", "fullName", "email", "passwordHash", "unitId") VALUES ('b-sv', 'b-sv', 'Thanh tra viên', 'sv@bench.test', 'x', 'b-p');
    INSERT INTO "RoleBinding" ("id", "personId", "role", "unitId") VALUES (gen_random_uuid()::text, 'b-sv', 'supervisor', 'b-p');
  `);
  await pg.query(
    `
    CREATE TEMP TABLE seed AS
    SELECT i, 'b-' || i AS id, 'b-c' || (1 + i % 100) AS unit, 'b-c' || (1 + (i + 1) % 100) AS next_unit,
      (ARRAY['complaint', 'denunciation', 'recommendation', 'feedback'])[1 + (abs(hashint4(i + 7)) % 4)]::"PetitionKind" AS kind,
      (ARRAY['land', 'roads', 'planning', 'officials', 'environment', 'health', 'education', 'social', 'tax', 'other'])[1 + (abs(hashint4(i + 11)) % 10)] AS field,
      r, abs(hashint4(i)) % 1000 AS h, abs(hashint4(i + 3)) % 100 < 92 AS closed, r + make_interval(days => abs(hashint4(i + 5)) % 40) AS closed_at
    FROM (SELECT i, TIMESTAMP '2023-12-31 17:00:00' + (i::float8 / $1::int) * INTERVAL '1065 days' AS r FROM generate_series(0, $1::int - 1) i) s
  `,
    [n],
  );
  await pg.query(`
    INSERT INTO "Petition" ("id", "trackingCode", "kind", "channel", "field", "subject", "body", "receivingUnitId", "unitId", "receivedAt", "stage", "createdById",
      "workflowId", "dueAt", "closedAt", "updatedAt", "escalated", "forwardCount", "stateVersion")
    SELECT id, 'DV-B' || i, kind, 'online', field, 'Đơn thử tải', 'Nội dung', unit, CASE WHEN h % 20 = 0 THEN next_unit ELSE unit END, r,
      (CASE WHEN NOT closed THEN 'assigned' WHEN h >= 970 THEN 'withdrawn' ELSE 'closed' END)::"PetitionStage", 'b-sv',
      'bench-' || id, CASE WHEN closed THEN NULL ELSE r + INTERVAL '30 days' END, CASE WHEN closed THEN closed_at END, now(), h BETWEEN 900 AND 959, (h % 20 = 0)::int, 1
    FROM seed
  `);
  const iso = (t: string) => `to_char(${t}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  await pg.query(`
    INSERT INTO "PetitionEvent" ("id", "key", "petitionId", "type", "actorId", "data", "at")
    SELECT gen_random_uuid()::text, id || ':' || t || ':' || extract(epoch FROM at)::bigint, id, t, actor, data, at FROM (
      SELECT id, 'received' AS t, 'b-sv' AS actor, NULL::jsonb AS data, r AS at FROM seed
      UNION ALL SELECT id, 'accept', 'b-sv', jsonb_build_object('dueBefore', ${iso("r + INTERVAL '30 days'")}), r + INTERVAL '2 days' FROM seed WHERE h < 900
      UNION ALL SELECT id, 'forward', 'b-sv', jsonb_build_object('toUnitId', next_unit), r + INTERVAL '1 day' FROM seed WHERE h % 20 = 0
      UNION ALL SELECT id, 'reminder', NULL, jsonb_build_object('recipientIds', jsonb_build_array('b-l-' || unit)), r + INTERVAL '25 days' FROM seed WHERE h BETWEEN 600 AND 799
      UNION ALL SELECT id, 'escalated', NULL, NULL, r + INTERVAL '31 days' FROM seed WHERE h BETWEEN 900 AND 959
      UNION ALL SELECT id, 'escalated', NULL, NULL, r + INTERVAL '45 days' FROM seed WHERE h BETWEEN 900 AND 919
      UNION ALL SELECT id, 'resolve', 'b-sv', jsonb_build_object('dueBefore', ${iso("r + INTERVAL '30 days'")}), closed_at FROM seed WHERE closed AND h < 850
      UNION ALL SELECT id, 'withdraw', 'b-sv', NULL, closed_at FROM seed WHERE closed AND h >= 970
    ) e
  `);
  await pg.query(`DROP TABLE seed`);
  await pg.query(`SET session_replication_role = DEFAULT`);
  await pg.query(`SELECT danvan_rebuild_report_rollups()`);
  await pg.query(`VACUUM ANALYZE`);
  const counts = await pg.query<{ p: string; e: string }>(
    `SELECT (SELECT COUNT(*) FROM "Petition") AS p, (SELECT COUNT(*) FROM "PetitionEvent") AS e`,
  );
  return { petitions: Number(counts.rows[0]!.p), events: Number(counts.rows[0]!.e) };
}

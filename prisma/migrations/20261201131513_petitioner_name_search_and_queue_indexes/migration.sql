-- AlterTable
ALTER TABLE "Petitioner" ADD COLUMN     "nameFolded" TEXT,
ADD COLUMN     "sealedNameHash" TEXT;

-- CreateIndex
CREATE INDEX "Petition_assigneeId_closedAt_dueAt_idx" ON "Petition"("assigneeId", "closedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Petition_unitId_closedAt_dueAt_idx" ON "Petition"("unitId", "closedAt", "dueAt");

-- CreateIndex
CREATE INDEX "Petitioner_sealedNameHash_idx" ON "Petitioner"("sealedNameHash");

-- Existing plain names, folded as src/domain/petitioner/petitioner-name.ts folds them (Vietnamese letters;
-- combining marks of decomposed text dropped). Sealed identities get no hash here: it needs the identity key,
-- so a denouncer registered before this migration is not found by name (the identity itself is unchanged).
UPDATE "Petitioner"
SET "nameFolded" = btrim(regexp_replace(lower(translate(regexp_replace(normalize("fullName", NFC), '[\u0300-\u036f]', '', 'g'),
  'àáãảạăằắẵẳặâầấẫẩậèéẽẻẹêềếễểệìíĩỉịòóõỏọôồốỗổộơờớỡởợùúũủụưừứữửựỳýỹỷỵAÀÁÃẢẠĂẰẮẴẲẶÂẦẤẪẨẬEÈÉẼẺẸÊỀẾỄỂỆIÌÍĨỈỊOÒÓÕỎỌÔỒỐỖỔỘƠỜỚỠỞỢUÙÚŨỦỤƯỪỨỮỬỰYỲÝỸỶỴđĐ', 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyydd')), '\s+', ' ', 'g'))
WHERE "sealedIdentity" IS NULL;

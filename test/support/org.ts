// A small organisation for tests: a province with two communes, leaders responsible for each,
// officers, a supervisor. Fresh ids per call, so tests never share fixed ids.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '../../src/platform/db/prisma';
import type { Role } from '../../src/domain/petition/petition-stages';

export interface TestPerson {
  id: string;
  username: string;
  email: string;
  password: string;
}

export interface TestOrg {
  centralId: string;
  centralLeader: TestPerson;
  provinceId: string;
  communeId: string;
  otherCommuneId: string;
  provinceLeader: TestPerson;
  communeLeader: TestPerson;
  otherCommuneLeader: TestPerson;
  officer: TestPerson;
  otherOfficer: TestPerson;
  supervisor: TestPerson;
  admin: TestPerson;
}

export async function buildTestOrg(
  prisma: PrismaClient,
  options: { passwordHash?: string; password?: string } = {},
): Promise<TestOrg> {
  const tag = randomBytes(3).toString('hex');
  const centralId = `central-${tag}`;
  const provinceId = `p-${tag}`;
  const communeId = `c1-${tag}`;
  const otherCommuneId = `c2-${tag}`;
  await prisma.unit.create({ data: { id: centralId, name: `Thanh tra Chính phủ ${tag}`, level: 'central' } });
  await prisma.unit.create({
    data: { id: provinceId, name: `Tỉnh Thử ${tag}`, level: 'province', parentId: centralId },
  });
  await prisma.unit.create({
    data: { id: communeId, name: `Xã An Bình ${tag}`, level: 'commune', parentId: provinceId },
  });
  await prisma.unit.create({
    data: { id: otherCommuneId, name: `Xã Hòa Lạc ${tag}`, level: 'commune', parentId: provinceId },
  });

  const password = options.password ?? 'secret-pass';
  const passwordHash = options.passwordHash ?? 'not-a-real-hash';
  const person = async (key: string, fullName: string, unitId: string, roles: Role[]): Promise<TestPerson> => {
    const id = `${key}-${tag}`;
    const email = `${key}.${tag}@example.test`;
    await prisma.person.create({ data: { id, username: id, fullName, email, passwordHash, unitId } });
    for (const role of roles) await prisma.roleBinding.create({ data: { personId: id, role, unitId } });
    return { id, username: id, email, password };
  };
  const centralLeader = await person('ce', 'Tổng Thanh Tra', centralId, ['leader']);
  const provinceLeader = await person('pl', 'Nguyễn Văn Tỉnh', provinceId, ['leader']);
  const communeLeader = await person('cl', 'Trần Thị Xã', communeId, ['leader']);
  const otherCommuneLeader = await person('ol', 'Lê Văn Hòa', otherCommuneId, ['leader']);
  const officer = await person('of', 'Phạm Văn Cán', communeId, ['officer']);
  const otherOfficer = await person('oo', 'Võ Thị Bộ', otherCommuneId, ['officer']);
  const supervisor = await person('sv', 'Đỗ Thanh Tra', provinceId, ['supervisor']);
  const admin = await person('ad', 'Quản Trị Viên', provinceId, ['admin']);
  await prisma.unit.update({ where: { id: centralId }, data: { responsibleLeaderId: centralLeader.id } });
  await prisma.unit.update({ where: { id: provinceId }, data: { responsibleLeaderId: provinceLeader.id } });
  await prisma.unit.update({ where: { id: communeId }, data: { responsibleLeaderId: communeLeader.id } });
  await prisma.unit.update({ where: { id: otherCommuneId }, data: { responsibleLeaderId: otherCommuneLeader.id } });
  return {
    centralId,
    centralLeader,
    provinceId,
    communeId,
    otherCommuneId,
    provinceLeader,
    communeLeader,
    otherCommuneLeader,
    officer,
    otherOfficer,
    supervisor,
    admin,
  };
}

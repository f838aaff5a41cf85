/** Who 教研 is for: teachers, researchers and administrators (students and families never see it). Isomorphic. */
export const canUseResearch = (actor: { role: string }) => actor.role === 'teacher' || actor.role === 'researcher' || actor.role === 'admin'

/** The first admin every e2e run starts with (set through ADMIN_EMAIL / ADMIN_PASSWORD). */
export const e2eAdmin = { email: "admin@e2e.test", password: "e2e-admin-1234" };

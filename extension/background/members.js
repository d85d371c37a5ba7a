// LinkedIn's conversations name people by member id (/in/ACoAA…), profiles by vanity name
// (/in/jane-doe/). When a profile page of someone you know carries their member id, the member-id
// URL is linked to them as one more profile, so their conversations find them.

import { call, ServiceError } from "./service.js";

const MEMBER_ID = /^ACo[A-Za-z0-9_-]{30,60}$/;
const PROFILE = /^https:\/\/([a-z]{2,3}\.|www\.)?linkedin\.com\/in\/[^/?#]+\/?/;
const done = new Set(); // member ids handled while this worker runs

export async function seen({ url, memberId }) {
  if (typeof url !== "string" || !PROFILE.test(url) || typeof memberId !== "string" || !MEMBER_ID.test(memberId)) {
    throw new ServiceError("invalid", "That is not a LinkedIn profile and member id.");
  }
  if (done.has(memberId)) return { linked: false };
  const { person } = (await call("POST", "/api/v1/context", { url })).body;
  done.add(memberId);
  if (!person) return { linked: false }; // a stranger: nothing is stored about them
  try {
    await call("POST", `/api/v1/people/${person.id}/profiles`, { url: `https://www.linkedin.com/in/${memberId}/` });
  } catch (error) {
    if (error instanceof ServiceError && error.status === 409) return { linked: false }; // someone else's
    throw error;
  }
  return { linked: true };
}

package fr.guichet.account.registration;

/** Validation group of the fields a member must give and an external requester need not. */
interface MemberOnly {}

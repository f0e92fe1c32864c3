package fr.guichet.events;

/** What the organiser records of a confirmed participant, in the room. */
enum Attendance {
    PRESENT,
    ABSENT,
    /** absent, having said so beforehand */
    EXCUSED
}

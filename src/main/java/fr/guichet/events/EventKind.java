package fr.guichet.events;

/** What sort of gathering the agency organises; the label in each language is {@code events.kind.<NAME>}. */
enum EventKind {
    TRAINING,
    SEMINAR,
    WEBINAR,
    USER_GROUP,
    INFORMATION_MEETING
}

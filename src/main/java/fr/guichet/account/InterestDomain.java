package fr.guichet.account;

/** The agency's fourteen interest domains; pages show them through message keys. */
public enum InterestDomain {
    TRANSFORMATIONS,
    PURCHASING,
    ARCHIVING,
    SUSTAINABILITY,
    FINANCE,
    REAL_ESTATE,
    LEGAL,
    STEERING,
    QUALITY,
    RESEARCH,
    HUMAN_RESOURCES,
    HEALTH_AND_SAFETY,
    STUDENT_LIFE,
    INFORMATION_SYSTEMS
}

package fr.guichet.releases;

/**
 * A release is prepared by the agency's staff as a draft, seen by them alone, then published once:
 * from then on the product's correspondents see it and nothing takes it back.
 */
public enum ReleaseStatus {
    DRAFT,
    PUBLISHED
}

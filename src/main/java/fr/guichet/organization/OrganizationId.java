package fr.guichet.organization;

public record OrganizationId(long value) {
}

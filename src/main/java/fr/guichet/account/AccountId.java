package fr.guichet.account;

public record AccountId(long value) {
}

package fr.guichet.account;

import fr.guichet.shared.TypedId;

public record AccountId(long value) implements TypedId {}

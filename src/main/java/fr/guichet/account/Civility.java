package fr.guichet.account;

public enum Civility {
    MADAME,
    MONSIEUR
}

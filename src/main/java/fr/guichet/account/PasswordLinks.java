package fr.guichet.account;

/**
 * The e-mail that lets a person choose a password when an admin has him sign in by password again;
 * sent by the nested module that holds the links, since the root never depends on its nested modules.
 */
public interface PasswordLinks {

    void toChoosePassword(Account account);
}

package fr.guichet.administration;

/**
 * The five admin rights of delegated administration. A right granted in an organisation is held there and in
 * its whole subtree; the "…of sub-organisations" rights are what let their holder act in the
 * organisations below the one where he received them.
 */
public enum AdminRight {
    CREATE_USERS,
    CREATE_ADMINS,
    CREATE_SUB_ORGANIZATIONS,
    CREATE_USERS_OF_SUB_ORGANIZATIONS,
    CREATE_ADMINS_OF_SUB_ORGANIZATIONS
}

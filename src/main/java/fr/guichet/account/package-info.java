/**
 * A person's identity: registration, e-mail verification, sign-in, "Mon compte", API tokens.
 * Also the security configuration of the whole application, since it decides who is signed in.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts")
package fr.guichet.account;

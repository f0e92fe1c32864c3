package fr.guichet.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a person in on this browser once another module has proved who he is (an identity
 * provider's answer, a client certificate): the same session, the same record of the sign-in and
 * the same protection against session fixation as the password form.
 */
public interface SessionSignIn {

    /**
     * Signs the active account in and returns where to go next: the page the person was heading to
     * before being asked to sign in, or the home page.
     *
     * @throws IllegalStateException when the account is not active: the caller checks it first
     */
    String signIn(AccountId account, SignInMethod method, HttpServletRequest request, HttpServletResponse response);
}

package jp.madoguchi.accounts.domain;

/** A token just created: the only moment its secret exists outside the caller's hands. */
public record NewApiToken(ApiToken info, String secret) {

}

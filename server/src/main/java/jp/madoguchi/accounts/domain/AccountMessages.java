package jp.madoguchi.accounts.domain;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Accounts' texts for people, in the language of the current request. */
@Component
class AccountMessages {

	private final MessageSource messages;

	AccountMessages(MessageSource messages) {
		this.messages = messages;
	}

	String message(String key) {
		return messages.getMessage(key, null, key, LocaleContextHolder.getLocale());
	}

	/** The audit subject of a user. */
	static String subject(String username) {
		return "user:" + username;
	}

}

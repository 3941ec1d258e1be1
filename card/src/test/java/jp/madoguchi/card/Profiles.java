package jp.madoguchi.card;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import jp.madoguchi.card.emulator.CardProfile;
import jp.madoguchi.card.emulator.EmulatedChip;
import jp.madoguchi.card.emulator.VirtualCard;

/** The shipped profiles (card/profiles), optionally changed for one test. */
final class Profiles {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Profiles() {
	}

	static CardProfile shipped(String name) {
		try {
			return CardProfile.read(Path.of("profiles", name + ".json"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static VirtualCard card(String name) {
		return shipped(name).toCard();
	}

	static EmulatedChip chip(String name) {
		return shipped(name).toChip();
	}

	static EmulatedChip chip(String name, UnaryOperator<ObjectNode> change) {
		ObjectNode node = JSON.valueToTree(shipped(name));
		return JSON.treeToValue(change.apply(node), CardProfile.class).toChip();
	}

	static VirtualCard card(String name, UnaryOperator<ObjectNode> change) {
		ObjectNode node = JSON.valueToTree(shipped(name));
		return JSON.treeToValue(change.apply(node), CardProfile.class).toCard();
	}

}

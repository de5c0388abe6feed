"""Test helper: a collection studied with random ratings, the clock moving on between answers."""
import random

from heatcards.model import Rating


def study_randomly(collection, clock, answers, *, seed=0, deck="Films", longest_pause=4000):
    """Answer `answers` cards of `deck` with random ratings; an hour passes when none is due."""
    rng = random.Random(seed)
    studied = collection.deck_named(deck)
    for _ in range(answers):
        card, _ = collection.next_card(studied)
        if card is None:
            clock.advance(3600)
            continue
        collection.answer(card.id, rng.choice(list(Rating)))
        clock.advance(rng.randint(30, longest_pause))

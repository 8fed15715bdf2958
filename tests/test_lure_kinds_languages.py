"""Lures of the key's kind in languages other than English: the genus is the head noun a definition opens with
('Dispositivo utilizado para …', 'Processus par lequel …'), adjectival definitions ('Relatif à …') make an
adjective, a class (device, equation, process …) the key alone has is no item, and lures come only from the
key's nearest siblings in subject, so a group that mixes subjects offers no lure from another field."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from quizgen import load_bank
from quizgen.distractors import DistractorIndex, GenerationError
from quizgen.items import ItemGenerator, ItemOptions
from quizgen.model import Topic
from quizgen.text.genus import ADJECTIVE, opening_genus
from quizgen.text.language import language

BANKS = Path(__file__).parent / "data" / "banks"
D2T = ItemOptions(direction="definition-to-term")


@pytest.mark.parametrize(
    "text, code, head",
    [
        ("dispositivo utilizado para medir la presión atmosférica.", "es", "dispositivo"),
        ("Processus par lequel du liquide extracellulaire est incorporé", "fr", "processus"),
        ("Unité d’information dont le support physique est un système quantique", "fr", "unité"),
        ("el volumen de un gas a temperatura constante", "es", "volumen"),  # the article is skipped
        ("(bar o b) unidad de presión; 1 bar = 100.000 Pa.", "es", "unidad"),  # an alias note first
        ("Ensemble de nuisances dues au halo", "fr", "nuisances"),  # 'ensemble de X' is an X
        ("Relatif aux changements phénotypiques héritables", "fr", ADJECTIVE),
        ("Se dit d’une espèce qui …", "fr", ADJECTIVE),
        ("Que puede donar o aceptar un protón", "es", ADJECTIVE),
        ("273,15 K (0 °C) y 1 atm", "es", None),  # no head noun: a number
        ("Se refiere a la energía …", "es", None),  # a verb, not a defining phrase
    ],
)
def test_the_genus_is_the_head_noun_the_definition_opens_with(text, code, head):
    expected = head if head in (None, ADJECTIVE) else language(code).stem(head)
    assert opening_genus(text, code)[0] == expected


def _topic(name: str, definition: str, code: str) -> Topic:
    return Topic(name=name, definition=definition, category="c", language=code)


def test_an_adjectival_definition_makes_an_adjective_and_a_leading_head_word_a_class():
    rel = _topic("Épigénétique", "Relatif aux changements phénotypiques héritables.", "fr")
    assert DistractorIndex.part_of_speech(rel) == "adj"
    assert DistractorIndex.part_of_speech(_topic("Pinocytose", "Processus par lequel …", "fr")) == "noun"
    eq = _topic("Ecuación de Arrhenius", "relación matemática entre la constante de velocidad …", "es")
    assert "<rule>" in DistractorIndex.classes(eq)  # an equation, as 'Ecuación de van der Waals' is
    assert "<device>" in DistractorIndex.classes(_topic("Manómetro", "dispositivo utilizado para …", "es"))


def _mixed(code: str = "fr") -> str:
    """One group of two subjects: a few beach topics and many software ones, which share the key's genus."""
    beach = [
        ("Engraissement", "Technique qui apporte du sable sur une plage érodée par la houle et les marées."),
        ("Cordon dunaire", "Dune de sable qui borde une plage et la protège de la houle et des marées."),
        ("Estran", "Partie de la plage que la marée couvre et découvre, où la houle dépose le sable."),
        ("Érosion côtière", "Recul de la plage et du trait de côte sous l’effet de la houle et des marées."),
        (
            "Épi",
            "Technique qui construit un ouvrage perpendiculaire à la plage qui retient le sable que la houle déplace.",
        ),
        ("Brise-lames", "Ouvrage au large de la plage qui casse la houle avant qu’elle n’atteigne le sable."),
    ]
    soft = [
        (f"Logiciel {w}", f"Technique de programmation qui compile le code {w} d’un logiciel en un exécutable.")
        for w in (f"{a}{b}" for a in ("alpha", "bêta", "gamma", "delta", "sigma", "omega") for b in "ABCDEF")
    ]
    topics = "".join(f'  - name: "{n}"\n    definition: "{d}"\n' for n, d in beach + soft)
    return f"category: Mélange\nlanguage: {code}\ntopics:\n{topics}"


def test_lures_come_from_the_key_s_subject_not_from_its_genus_in_another_field(make_bank):
    bank = load_bank(make_bank({"m.yaml": _mixed()}))
    gen = ItemGenerator(bank)
    key = bank.topic("Engraissement")
    for seed in range(8):
        item = gen.item("mcq", key, random.Random(seed), D2T)
        lures = [n for n in item.option_topics if n != key.name]
        assert not [n for n in lures if n.startswith("Logiciel")], item.options


def test_english_lures_share_subject_only_in_a_grab_bag():
    """An English group whose topics are on average barely related (the bundled 'Statistics, causality and
    uncertainty': Do-Calculus beside CCA, drift monitoring, conformal prediction) offers only lures that
    share the key's subject (readings 30, 31); a close group ('Mixture of experts …') offers every sibling."""
    bank = load_bank()
    ix = DistractorIndex(bank)
    mixed = bank.category("Statistics, causality and uncertainty").topics
    key = bank.topic("Do-Calculus")
    near = ix._near(key, [t for t in mixed if t is not key])
    assert "Canonical Correlation Analysis (CCA)" not in near and len(near) < len(mixed) - 1
    close = bank.category("Mixture of experts and conditional computation").topics
    near = ix._near(close[0], list(close[1:]))
    assert near == {t.name for t in close[1:]}


def test_the_only_device_gets_no_defining_phrase_item():
    bank = load_bank(BANKS / "quimica")
    gen = ItemGenerator(bank)
    key = bank.topic("Manómetro")  # its one fellow device, Barómetro, paraphrases it
    for seed in range(4):
        with pytest.raises(GenerationError):
            gen.item("mcq", key, random.Random(seed), D2T)


def test_a_group_that_mixes_subjects_is_split_into_them():
    bank = load_bank(BANKS / "franceterme")
    ix = DistractorIndex(bank)
    subject = ix._subjects("Environnement")
    assert len(set(subject.values())) >= 5
    assert subject["Macroplastique"] == subject["Microplastique"] == subject["Nanoplastique"]
    assert subject["Casier sédimentaire"] == subject["Cellule sédimentaire"]
    assert subject["Pollution lumineuse"] != subject["Casier sédimentaire"]


def test_a_grab_bag_subject_offers_fewer_lures_or_none():
    bank = load_bank(BANKS / "franceterme")
    gen = ItemGenerator(bank)
    key = bank.topic("Boue rouge")  # an effluent; its subject holds litter pickers and battery scrap
    for seed in range(4):
        try:
            item = gen.item("mcq", key, random.Random(seed), D2T)
        except GenerationError:
            continue
        assert "Ramasseur, -euse bénévole de déchets" not in item.option_topics, item.options


def test_the_key_needs_a_lure_of_its_kind_where_the_language_has_kind_tables():
    import random

    from quizgen.distractors import GenerationError
    from quizgen.items import ItemGenerator, ItemOptions
    from quizgen.model import Bank, Category, Topic

    base = [
        ("Prime à la faille", "Rémunération octroyée par une entreprise à un expert qui signale une vulnérabilité."),
        ("Pare-feu", "Dispositif qui filtre les échanges entre un réseau interne et un réseau externe."),
        ("Correctif", "Logiciel qui corrige une erreur dans un programme déjà livré aux utilisateurs."),
        ("Sauvegarde", "Copie de données conservée sur un autre support pour les restaurer en cas de perte."),
    ]

    def gen(defs):
        topics = tuple(Topic(name=n, definition=d, category="c", language="fr") for n, d in defs)
        return ItemGenerator(Bank((Category("c", topics),)))

    d2t = ItemOptions(direction="definition-to-term")
    alone = gen(base)
    with pytest.raises(GenerationError):  # the one payment among a device, a program and a copy
        alone.item("mcq", alone.bank.topics[0], random.Random(0), d2t)
    kin = gen([*base, ("Salaire", "Rémunération versée chaque mois par un employeur à un salarié pour son travail.")])
    item = kin.item("mcq", kin.bank.topics[0], random.Random(0), d2t)
    assert "Salaire" in item.options


def test_a_definition_opening_on_the_head_of_the_name_needs_a_lure_leading_with_it():

    from quizgen.distractors import DistractorIndex
    from quizgen.items.mcq import head_named_alone
    from quizgen.model import Bank, Category, Topic

    defs = [
        ("Protéine adaptatrice", "Protéine dont la fonction est de relier plusieurs protéines dans un complexe."),
        ("Adressage des protéines", "Processus qui dirige chaque protéine vers le compartiment où elle agit."),
        ("Desmine", "Filament intermédiaire des cellules musculaires qui maintient les myofibrilles."),
        ("Protéine chaperon", "Protéine qui aide une autre protéine à se replier dans sa forme active."),
    ]
    topics = tuple(Topic(name=n, definition=d, category="c", language="fr") for n, d in defs)
    ix = DistractorIndex(Bank((Category("c", topics),)))
    key, addressing, desmin, chaperone = topics
    desc = ix.descriptions(key)[0]
    assert head_named_alone(ix, key, desc, [addressing, desmin])  # 'protéines' inside a name does not hide it
    assert not head_named_alone(ix, key, desc, [addressing, chaperone])  # another 'Protéine …' does

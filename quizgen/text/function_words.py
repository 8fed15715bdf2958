"""Function words per language — articles, pronouns, prepositions, conjunctions, auxiliaries — that carry no
meaning of their own in a definition. Kept to grammar words on purpose: general stop lists also drop nouns such
as 'estado', 'fuerza', 'valeur' or 'point', which are words of term names and must count as cues."""

FUNCTION_WORDS = {
    "es": """a al algo alguna algunas alguno algunos ante antes aquel aquella aquellas aquellos así aun aunque cada
        como con contra cual cuales cualquier cuando de del desde donde dos durante e el ella ellas ello ellos en
        entre era eran es esa esas ese eso esos esta estas este esto estos está están fue fueron ha han hasta hay
        la las le les lo los mas más me mediante mi mientras muy mucho ni no nos o os otra otras otro otros para
        pero poco por porque que qué se sea sean según ser si sido sin sino sobre son su sus también tan tanto te
        tiene tienen todo todos toda todas tras tu u un una unas uno unos y ya""",
    "fr": """à a afin ainsi alors après au aucun aucune aussi autre autres aux avant avec avoir c ce ceci cela celle
        celles celui certains ces cet cette ceux chacun chaque comme comment d dans de des donc dont du elle elles
        en encore entre est et été être eux fait font il ils je l la le les leur leurs lors lorsqu lorsque lui m ma
        mais me même mêmes moins n ne ni non nos notre nous on ont ou où par parce pas peut peuvent plus pour
        qu quand que quel quelle quelles quels qui s sa sans se selon ses si soit son sont sous sur t ta tel telle
        telles tels toute toutes tous tout très un une vers voire y""",
    "de": """aber alle allem allen aller alles als also am an auch auf aus bei beim bin bis bzw da damit dann das
        dass dem den denen der deren des dessen die dies diese diesem diesen dieser dieses doch durch ein eine
        einem einen einer eines er es etwa für gegen hat haben hier ihr ihre ihrem ihren ihrer ihres im in ins
        ist jede jedem jeden jeder jedes kann kein keine können man mit nach nicht noch nur ob oder ohne sehr
        sein seine seinem seinen seiner seines sich sie sind so sodass solche über um und uns unter vom von vor
        während was wenn werden wie wird wo zu zum zur zwischen""",
    "it": """a ad agli ai al alla alle allo anche che chi ci come con cui da dai dal dalla dalle dallo degli dei del
        della delle dello di dove e ed è gli i il in la le lo loro ma ne negli nei nel nella nelle nello non o od
        per più può quale quali quando quello questa queste questi questo se sia si sono su sua sue sugli sui sul
        sulla sulle suo suoi tra tutti tutto un una uno""",
    "pt": """a à ao aos as às até com como da das de dela dele do dos e é ela ele eles em entre era essa esse esta
        este foi for há isso isto já lhe mais mas mesmo muito na nas não nem no nos num numa o ou os para pela
        pelas pelo pelos por qual quando que se seja sem ser seu seus sob sobre sua suas são também tem um uma
        umas uns""",
    "nl": """aan al alle als bij dan dat de deze die dit door een en er geen haar heeft hem het hij hoe hun in is
        je kan kunnen maar met na naar niet nog of om onder ook op over te tot tussen uit van veel voor want was
        wat wel werd wie wij wordt worden zal ze zich zij zijn zo zoals""",
    "pl": """a aby ale bez bo by być czy dla do gdy i ich iż jak jako jej jest jego już ku lub ma na nad nie
        niż o od oraz po pod przez przy się są ta tak te tego tej ten to tu tylko w we według z za ze że""",
}

# Lo que dice el núcleo (src/core/wording.rs y src/core/i18n): lo que la
# aplicación, la línea de órdenes y las exportaciones dicen de una sesión.

## Números y fechas

percent = { $value } %
date = { $day } { $month ->
        [1] ene
        [2] feb
        [3] mar
        [4] abr
        [5] may
        [6] jun
        [7] jul
        [8] ago
        [9] sept
        [10] oct
        [11] nov
       *[12] dic
    } { $year }
date-time-utc = { $date }, { $time } UTC

## Apoyo

looking-after-yourself = Cuidar de ti
support-without-line = { $support } Puedes añadir a quién acudir (tu supervisor o supervisora, tu servicio de orientación, una línea de crisis) en los Ajustes de la aplicación, en Apoyo, y aparecerá aquí.
support-with-line = { $support } Puedes acudir a: { $line }.
optimal-distance = Con este cliente la distancia óptima va de { $low } a { $high }: { $reason }

## Juego y retroalimentación

no-ending = se dejó antes de un final
no-ending-short = sin final
time-ran-out = El tiempo se acabó antes de que respondieras.
clock-waits-for-noticing = Primero observa: el reloj empieza cuando aparecen las respuestas.
rate-in-the-steps = La pestaña Pasos pone tus propias palabras junto a las mejores respuestas: valóralas allí.
mean-self-rating = Tus valoraciones de tus propias palabras (media, de 1 a 5)
noticing-that-fitted = Observaciones que encajaban (%)
not-practised-yet = Todavía ninguna en estos intentos.
noticing = Primero observar
what-fits-here = Lo que encaja aquí
see-the-answers = Ver las respuestas (Intro)
say-it-first-prompt = ¿Qué dirías?
say-it-first-hint = Escríbelo como lo dirías. Las respuestas escritas aparecen cuando envías (Ctrl+Intro) o cuando se acaba el tiempo; lo que escribiste se guarda en ambos casos.
say-it-first-field-hint = Tus palabras
send-own-words = Enviar (Ctrl+Intro)
you-said = Dijiste
pick-the-closest = ¿Qué respuesta escrita se parece más a lo que dijiste?
none-is-close = Ninguna se parece (0)
pick-for-the-story = Ninguna se parece: anotado. Elige la que debe seguir la historia.
how-sure = ¿Qué seguridad tienes en esa respuesta?
sure-key = Con seguridad (S)
unsure-key = Sin seguridad (U)
skip-confidence = Omitir (Intro)
your-own-words = Tus propias palabras
nothing-written = (nada escrito)
the-best-answers-here = Las mejores respuestas aquí
rate-your-words = Valora tus palabras frente a esas respuestas (de 1 a 5; deja sin valorar las que prefieras)
own-words-time-ran-out = el tiempo se acabó tras { $seconds } s
own-words-written = escrito en { $seconds } s
closest-to-your-words = La más parecida a tus palabras
the-story-followed = Ninguna se parecía; la historia siguió
you-were = Respondiste { $confidence }.
confidence-sure = con seguridad
confidence-unsure = sin seguridad
noticing-questions-here = { $count ->
        [0] Este escenario aún no tiene preguntas de observación.
        [one] 1 momento de aquí tiene una.
       *[other] { $count } momentos de aquí tienen una.
    }
your-answer-level = Tu respuesta: { $level }
what-it-does = Lo que hace
the-concept = El concepto
ruptures-repaired = { $count ->
        [one] la ruptura se reparó
       *[other] se repararon { $count } rupturas
    }
grounding = Antes de seguir: siente los pies en el suelo y respira despacio una vez. Esto era práctica; lo que haya surgido en ti es información, no un veredicto.
reflection-pulled-you = ¿Qué te llevó hacia esa respuesta?
reflection-client-felt = ¿Qué pudo sentir el cliente?
reflection-next-time = ¿Qué dirías la próxima vez?
content-notes = Avisos de contenido
leaving-is-fine = Puedes pausar o salir en cualquier momento; salir nunca cuenta en tu contra.
learning-goals = Lo que vas a practicar
who-is-here = Quién está aquí
time = Tiempo
press-enter-to-begin = Pulsa Intro para empezar (q sale).
press-enter-to-go-on = Pulsa Intro para seguir.
reflection = Reflexión
how-to-reflect = Escribe una respuesta y pulsa Intro; Intro solo omite una pregunta, q omite el resto.
step-heading = Paso { $number }
day-begins = Son las { $clock }.
day-begins-at = Son las { $clock }. { $place }.
deadline-at = A las { $at }: { $label }.
deadline-in = { $minutes ->
        [one] { $label } en 1 minuto
       *[other] { $label } en { $minutes } minutos
    }
no-such-choice-none = No hay opción { $number }: aquí no se ofrece nada.
no-such-choice-one = No hay opción { $number }: la única opción es 1.
no-such-choice = No hay opción { $number }: las opciones van de 1 a { $choices }.
that-fits = Eso encaja.
that-does-not-fit = Eso no encaja.

## Hoy

today = Hoy
today-explained = Los momentos que respondiste con un nivel costoso, en los que se te acabó el tiempo o que respondiste mucho más despacio de lo habitual vuelven aquí al día siguiente. Cada uno se juega solo, desde donde ocurrió. Si lo respondes bien, vuelve a los 3, luego a los 7, luego a los 21 días, y después sale de la lista; si lo respondes mal, vuelve al día siguiente.
practise-it = Practicarlo
moment-gone = Este momento ya no está en el escenario (se editó o se quitó).
moments-due = { $count ->
        [one] 1 momento para practicar hoy
       *[other] { $count } momentos para practicar hoy
    }
on-the-list-because = En la lista por { $reason } · caja { $box_number } de { $boxes }
nothing-due = { $days ->
        [1] Hoy no toca nada. El próximo momento vuelve mañana.
       *[other] Hoy no toca nada. El próximo momento vuelve dentro de { $days } días.
    }
nothing-to-practise-yet = Aún no hay nada que practicar: termina un escenario y los momentos difíciles volverán aquí.
your-ratings = Tus valoraciones de tus palabras
practised-learned = { $title }: bien respondido tras la última caja; sale de la lista.
practised-still-hard = { $title }: este sigue costando; vuelve mañana (caja 1 de { $boxes }).
practised-comes-back = { $title }: bien respondido; vuelve dentro de { $days } días (caja { $box_number } de { $boxes }).
practised = { $title }: practicado.
said-just-before = Justo antes de este momento dijiste: «{ $said }»

## Borradores

draft-played-with = Este borrador tiene { $errors ->
        [one] 1 error
       *[other] { $errors } errores
    }: las respuestas con un error (como una que lleva a un momento aún no escrito) se muestran pero no se pueden elegir, y el juego se detiene donde se detiene el borrador.
try-it-as-a-draft = para probarlo hasta donde está escrito, con errores y todo, juégalo con --draft
cannot-be-chosen-yet = aún no se puede elegir
cannot-pass-yet = aún no se puede dejar pasar este momento
no-answer-can-be-chosen-yet = aún no se puede elegir ninguna de las respuestas de aquí
passes-a-deadline-that-leads-nowhere = lleva el reloj más allá de las { $at }, y entonces { $why }
end-of-draft = Hasta aquí llega el borrador: { $reason }.
timer-off-in-draft = No hay cuenta atrás en este momento del borrador: { $reason }.

## Tipos y niveles

ending-held = Se sostuvo
ending-repaired = Se reparó
ending-unresolved = Sin resolver
ending-deepened = La ruptura se agravó
ending-held-meaning = la conexión se sostuvo; no hubo nada que reparar
ending-repaired-meaning = se abrió una ruptura y se trabajó
ending-unresolved-meaning = las cosas quedaron abiertas, ni trabajadas ni peor
ending-deepened-meaning = una ruptura creció y no se trabajó
level-skilled = muestra bien la habilidad
level-good-enough = suficiente
level-costly = costosa
rupture-withdrawal = Retirada
rupture-confrontation = Confrontación
difficulty-beginner = Inicial
difficulty-intermediate = Intermedio
difficulty-advanced = Avanzado
feedback-immediate = retroalimentación tras cada respuesta
feedback-deferred = retroalimentación al final
feedback-exam = examen: sin retroalimentación ni medidores hasta el final
theme-light = Claro
theme-dark = Oscuro
theme-high-contrast = Alto contraste
level-and-length = { $difficulty } · unos { $minutes } minutos

## Rupturas y cuentas

ruptures-none = ninguna
ruptures-all-repaired = todas reparadas
ruptures-left-open = quedó abierta
ruptures-some-left-open = { $open } de { $opened } quedaron abiertas
rupture-opened = se abrió una ruptura de { $kind }
sync-kept-here-only = guardado solo aquí
sync-queued = en cola
sync-not-sent = no enviado: { $reason } ({ $tries }; { $next_try })
sync-sent = enviado a { $host } el { $when } ({ $statements ->
        [one] 1 declaración
       *[other] { $statements } declaraciones
    })
tries = { $count ->
        [one] 1 intento
       *[other] { $count } intentos
    }
not-tried-by-itself = no se reintenta solo: `doorway sync` o Enviar lo intentan
next-try-after = próximo intento después de { $when }
timeouts = { $count ->
        [one] 1 tiempo agotado
       *[other] { $count } tiempos agotados
    }
seconds-per-answer = { $seconds } s por respuesta
no-rupture = sin rupturas
ruptures-opened-and-repaired = rupturas: { $opened } abiertas y { $repaired } reparadas
other-answers-here = Las otras respuestas de aquí: { $levels }.
count-skilled = { $count ->
        [one] 1 muestra bien la habilidad
       *[other] { $count } muestran bien la habilidad
    }
count-good-enough = { $count ->
        [one] 1 suficiente
       *[other] { $count } suficientes
    }
count-costly = { $count ->
        [one] 1 costosa
       *[other] { $count } costosas
    }
levels-in-words = { $skilled ->
        [one] 1 respuesta que muestra bien la habilidad
       *[other] { $skilled } respuestas que muestran bien la habilidad
    }, { $good_enough ->
        [one] 1 suficiente
       *[other] { $good_enough } suficientes
    }, { $costly ->
        [one] 1 costosa
       *[other] { $costly } costosas
    }
time-ran-out-times = { $count ->
        [one] El tiempo se acabó una vez.
       *[other] El tiempo se acabó { $count } veces.
    }
how-they-heard-it = Cómo pudo oírlo { $name }
what-they-felt = Lo que pudo sentir { $name }
what-someone-felt = Lo que pudieron sentir
inside = Por dentro
inside-named = Por dentro, { $name } pensaba
extended = { $count ->
        [one] , ampliado una vez
       *[other] , ampliado { $count } veces
    }
timing-of-limit = tras { $latency } s de { $limit } s{ $extended }
timing-no-limit = tras { $latency } s, sin límite de tiempo{ $extended }

## Las cifras de una clase

answer-time = tiempo de respuesta: mediana { $median } s, rango intercuartílico { $iqr } s
counts-only = menos de { $fewest } estudiantes: solo recuentos
connection-falls-most = donde más cae la conexión (cambio medio)
connection-fall = { $change } en { $answers ->
        [one] 1 respuesta
       *[other] { $answers } respuestas
    }
first-against-latest = primer intento frente al último (final, nivel medio: muestra bien la habilidad 2, suficiente 1, costosa 0)

## Modos de práctica

practice-choose = Elegir
practice-say-it-first = Decirlo primero
practice-notice-first = Observar primero
practice-choose-explained = Elige una de las respuestas escritas.
practice-say-it-first-explained = Escribe lo que dirías antes de que aparezcan las respuestas; luego elige la más parecida y valora tus palabras.
practice-notice-first-explained = Responde a una pregunta sobre lo que está pasando antes de que aparezcan las respuestas, donde el autor escribió una.

## El resumen del final

answer-missing = (opción "{ $id }", ya no está en el escenario)
summary-within-band = {" "}(dentro de la banda óptima)
summary-too-distant = {" "}(demasiado lejos)
summary-too-close = {" "}(demasiado cerca)
summary-answers = {" "}Respuestas: { $levels }.
summary = { $steps } pasos. Conexión { $connection_before } → { $connection_after }; distancia { $distance_before } → { $distance_after }{ $band }. Rupturas abiertas: { $opened }, reparadas: { $repaired }.{ $levels }{ $timeouts }
calibration-sure = Con seguridad en { $count ->
        [one] 1 respuesta
       *[other] { $count } respuestas
    }: { $top } mostraron bien la habilidad.
calibration-unsure = Sin seguridad en { $count ->
        [one] 1 respuesta
       *[other] { $count } respuestas
    }: { $not_top } no la mostraron bien.
practice-said-it-first = { $person ->
        [you] Lo dijiste primero
       *[trainee] La persona en formación lo dijo primero
    } en { $count ->
        [one] 1 momento
       *[other] { $count } momentos
    }{ $none_close ->
        [0] {""}
       *[other] ; en { $none_close } ninguna respuesta escrita se parecía a { $person ->
            [you] tus
           *[trainee] sus
        } palabras
    }.
practice-mean-rating = { $person ->
        [you] Tus valoraciones de tus propias palabras
       *[trainee] Las valoraciones de la persona en formación de sus propias palabras
    } dieron una media de { $mean } sobre 5.
practice-noticing-fitted = { $person ->
        [you] Tus observaciones
       *[trainee] Las observaciones de la persona en formación
    } encajaron { $fitting } de { $probes } veces.

## Las dimensiones por defecto

dimension-connection = Conexión
dimension-distance = Distancia
dimension-repair = Reparación
dimension-frame = Encuadre
dimension-authenticity = Autenticidad

## Por qué un momento está en la lista de Hoy

reason-costly = una respuesta costosa
reason-timed-out = no responder a tiempo
reason-slow = una respuesta lenta

## Envío a un almacén de registros de aprendizaje

sync-consent = Cuando termine o deje un intento, Doorway lo enviará al almacén de registros de aprendizaje de { $endpoint }: cada momento que viví, la respuesta que elegí o escribí, cuánto tardé, las observaciones y valoraciones que di, y el nombre y el correo fijados para las exportaciones (o, sin ellos, el nombre aleatorio de esta instalación). Mi docente, y quien gestione ese almacén, pueden leerlo. Los intentos se quedan también en este ordenador. Puedo dejar de enviar en cualquier momento; lo ya enviado se queda en el almacén.

## Qué practicar ahora

suggest-not-tried = Aún sin intentar: { $title }.
suggest-rupture-open-drill = En tu último intento de { $title } una ruptura quedó abierta. Practica la reparación: empieza en "{ $drill }".
suggest-rupture-open = En tu último intento de { $title } una ruptura quedó abierta. Vuelve a jugarlo y busca el momento de repararla.
suggest-timeouts = Se acabó el tiempo en { $timeouts } de { $steps } pasos de { $title }. Date más tiempo en Ajustes y ve reduciéndolo a medida que salgan las respuestas.
suggest-too-distant = Terminaste { $title } demasiado lejos. La próxima vez, prueba a decir lo único verdadero: que te alegras y cuánto tiempo hay.
suggest-too-close = Terminaste { $title } demasiado cerca: dando más de lo que cabe en la hora. La próxima vez, prueba a mantener el límite con calidez.
suggest-drill-hard-moment = Empieza en un momento difícil, para practicarlo otra vez.
suggest-drill-in-rupture = Empieza donde se ha abierto una ruptura, para practicar la reparación.
suggest-untried-drill = { $title } tiene un ejercicio que no has probado: "{ $drill }". { $starts }
suggest-exam = Vuelve a jugar { $title } en modo examen, sin retroalimentación hasta el final, para que las respuestas que conoces tengan que salir sin ayuda.

## Los ítems de habilidades interpersonales facilitadoras y sus anclas

fis-verbal-fluency = Fluidez verbal
fis-verbal-fluency-1 = cuesta seguirlo: se para, vuelve a empezar o divaga
fis-verbal-fluency-3 = casi siempre fácil de seguir, con algún tropiezo
fis-verbal-fluency-5 = fluye con naturalidad y es fácil de seguir
fis-emotional-expression = Expresión emocional
fis-emotional-expression-1 = plano o distante; no se transmite ningún sentimiento
fis-emotional-expression-3 = algo de sentimiento, casi todo contenido
fis-emotional-expression-5 = el sentimiento se transmite con claridad; suenas implicado
fis-persuasiveness = Persuasión
fis-persuasiveness-1 = no se ofrece ninguna razón ni punto de vista claro
fis-persuasiveness-3 = se da una razón, pero escasa o tímida
fis-persuasiveness-5 = una razón o un punto de vista claros y creíbles que podría aceptar
fis-hope = Esperanza y expectativas positivas
fis-hope-1 = suena desalentador o no ofrece salida
fis-hope-3 = algo de esperanza, pero vaga
fis-hope-5 = transmite que las cosas pueden mejorar, con un siguiente paso
fis-warmth = Calidez, aceptación y comprensión
fis-warmth-1 = frío, impaciente, crítico o enjuiciador
fis-warmth-3 = educado y neutro
fis-warmth-5 = cálido y acogedor; muestra que te importa
fis-empathy = Empatía
fis-empathy-1 = pasa por alto o contradice lo que siente el cliente
fis-empathy-3 = nombra el sentimiento superficial
fis-empathy-5 = muestra que entiendes cómo es esto para él o ella
fis-alliance-bond = Capacidad de vínculo en la alianza
fis-alliance-bond-1 = aleja al cliente o habla por encima de él
fis-alliance-bond-3 = amable, pero con poca sensación de trabajar juntos
fis-alliance-bond-5 = conectado, con una clara sensación de trabajar juntos
fis-rupture-repair = Respuesta a la ruptura y reparación de la alianza
fis-rupture-repair-1 = ignora la tensión o se defiende de ella
fis-rupture-repair-3 = reconoce la tensión de pasada
fis-rupture-repair-5 = nombra la tensión abiertamente, pregunta por ella, sin defenderse

## Lo que oye un lector de pantalla

meter-words = { $label }: { $words } ({ $value })
meter-scale = { $label }: { $value } en una escala de { $min } a { $max }
meter-band-within = dentro de la banda óptima
meter-band-little-close = un poco demasiado cerca
meter-band-much-close = demasiado cerca
meter-band-little-far = un poco demasiado lejos
meter-band-much-far = demasiado lejos
meter-connection-none = ni conexión ni desconexión
meter-slightly-connected = algo de conexión
meter-slightly-disconnected = algo de desconexión
meter-connected = conexión
meter-disconnected = desconexión
meter-strongly-connected = mucha conexión
meter-strongly-disconnected = mucha desconexión
moment-said = «{ $text }»
moment-said-by = { $speaker }: «{ $text }»
open-the-briefing-of = Abrir la presentación: { $title }
edit-the-file-of = Editar { $title }
time-nearly-up = Se acaba el tiempo: pulsa E para tener más.
more-time = Más tiempo (E)
time-left = Tiempo restante: { $seconds } de { $limit } segundos

## Los idiomas de un escenario, en su ficha de la biblioteca

review-machine-assisted = traducción asistida por máquina, pendiente de revisión
review-unreviewed = pendiente de revisión
review-reviewed = revisada
language-translated = { $name } ({ $review })
language-translated-part = { $name } ({ $review }; { $acts ->
    [1] solo el acto 1
   *[other] solo los actos 1 a { $acts }
})

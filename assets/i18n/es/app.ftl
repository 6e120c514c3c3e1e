# Las pantallas de la aplicación (src/app).

## Cuentas que comparten varias pantallas

attempts = { $count ->
        [one] 1 intento
       *[other] { $count } intentos
    }

## Botones comunes

back = ← Volver (Esc)

## Ajustes

settings-heading = Ajustes
settings-authoring = Autoría
settings-author-mode = Modo autor: ids de nodos, saltar a cualquier nodo, la retroalimentación de cada opción, el estado a la vista
settings-pause-on-focus-loss = Pausar cuando la ventana pierde el foco
settings-language = Idioma
settings-language-system = El del sistema ({ $language })
settings-reading = Lectura
settings-text-size = tamaño del texto
settings-theme = Tema:
settings-reduced-motion = Reducir el movimiento (sin animaciones)
settings-show-meters = Mostrar los medidores relacionales durante el juego
settings-support = Apoyo
settings-support-explained = A quién puedes acudir cuando un escenario te remueve algo: tu supervisor o supervisora, tu servicio de orientación, una línea de crisis. Se muestra con los escenarios que tocan el suicidio o la pérdida, en su presentación y en su pantalla final.
settings-support-hint = por ejemplo: mi supervisora, la Dra. Lee, 555-0142
settings-exports = Exportaciones para una plataforma de aprendizaje
settings-exports-explained = Las exportaciones xAPI te nombran solo si das aquí un correo; si no, llevan un nombre aleatorio para este ordenador y nada más sobre ti.
settings-name = Nombre
settings-optional = opcional
settings-email = Correo
settings-email-hint = déjalo vacío para seguir en el anonimato

## Biblioteca

library-course = Curso
library-open-briefing = Abrir la presentación →
library-not-in-library = no está en la biblioteca
library-your-files = Tus archivos de escenarios
library-edit = ✏ Editar
library-file-has-problems = { $title } (tiene problemas que corregir)
library-write-new = Escribir un escenario nuevo
library-write-new-explained = Ponle un título; el editor lo empieza con un cliente, tú, un momento y un final, y enumera lo que falta por escribir.
library-title-hint = Título, por ejemplo: El correo dos años después
library-new-scenario = ✏ Escenario nuevo
library-new-scenario-hover = Escribir un escenario en el editor
library-tagline = ensaya los momentos que importan
library-settings = ⚙ Ajustes
library-today = ⏰ Hoy
library-history = 📈 Historial
library-class-results = 👥 Clase
library-class-results-hover = Los intentos de una clase, leídos de archivos exportados
library-concepts = 📖 Conceptos
library-practise-them = Practicarlos →
library-find = Buscar:
library-find-hint = título, etiqueta o palabra
library-no-match = Ningún escenario coincide.
library-content-notes = Avisos de contenido: { $notes }
library-not-tried-yet = Aún sin intentar
library-last-attempt = Último intento: { $outcome }

## Presentación

briefing-library = ← Biblioteca (Esc)
briefing-leaving-is-fine = Puedes pausar (Esc) o salir en cualquier momento; salir nunca cuenta en tu contra.
briefing-where-to-start = Por dónde empezar
briefing-from-the-beginning = Desde el principio
briefing-feedback = Retroalimentación
briefing-feedback-set-by-course = { $feedback } (fijada por el curso «{ $course }»)
briefing-no-time-limits = sin límites de tiempo
briefing-times-time-to-answer = ×{ $multiplier } de tiempo para responder
briefing-course-time-own = El curso «{ $course }» empieza con { $time }; se aplican tus propios ajustes de abajo.
briefing-course-time = El curso «{ $course }» te da { $time }. Cambia los ajustes de abajo para usar los tuyos.
briefing-feedback-immediate = Tras cada respuesta
briefing-feedback-deferred = Toda al final (los medidores siguen visibles)
briefing-feedback-exam = Examen: nada hasta el final
briefing-how-you-answer = Cómo respondes
briefing-ask-confidence = Preguntarme qué seguridad tengo tras cada respuesta (S con seguridad, U sin seguridad), antes de la retroalimentación
briefing-begin = Empezar
briefing-keys = En juego: 1-9 responder · Intro sigue · E más tiempo · Esc pausa · al escribir, Ctrl+Intro envía
briefing-timers-off = Sin límites de tiempo
briefing-more-time = × más tiempo para responder
briefing-extend-seconds = segundos que se añaden al pulsar E

## Juego

back-to-the-editor = ← Volver al editor
play-pause = ⏸ Pausa (Esc)
play-meters = Medidores
play-leave = ← Salir
play-let-the-moment-pass = Dejar pasar el momento
play-continue = Seguir (Intro)
play-the-relationship = La relación
play-open-rupture = Ruptura abierta: { $ruptures }
play-author = Autoría
play-at-node = en { $node }
play-time-out-now = Agotar el tiempo ya
play-jump-to = Saltar a:
play-watch = Vigilar
play-visited = visitados: { $count }

## Pausa

pause-heading = En pausa
pause-clock-stopped = El reloj se ha detenido. Tómate el tiempo que necesites.
pause-resume = Reanudar (Esc)
pause-leave = Salir del escenario
pause-leaving-is-fine = Salir nunca cuenta en tu contra.

## Final

end-try-again = Probar otra vez
end-library = Biblioteca
end-play-again = Jugar otra vez
end-kind-and-meaning = { $kind }: { $meaning }
end-stopped = El escenario se detuvo
end-in-short = En resumen
end-tabs-explained = Las pestañas de arriba recorren la revisión: cada paso con su retroalimentación, la relación a lo largo del tiempo, el mapa del escenario y tus intentos anteriores.
end-reflect = Reflexionar
end-reflect-explained = Bastan unas líneas. Solo tú puedes leerlas, salvo que las exportes.
end-keep-reflections = Guardar mis reflexiones con este intento (Ctrl+Intro)
end-kept = Guardadas con este intento.

## Elementos comunes

diagnostics-keeps-last-good = ⚠ { $name } tiene errores; la última versión que se cargó sigue jugable
diagnostics-cannot-play = ⚠ { $name } tiene errores y aún no se puede jugar

## Revisión

debrief-ending = Final
debrief-steps = Pasos
debrief-relationship = Conexión y distancia
debrief-map = Mapa
debrief-earlier = Intentos anteriores
debrief-export = Exportar
debrief-go-back-here = ↺ Volver aquí
debrief-go-back-here-hover = Responder este momento de otra manera; este camino se conserva
debrief-other-answers = Otras respuestas aquí ({ $count }){ $spread }
debrief-no-answer = (sin respuesta)
debrief-connection-and-distance = conexión { $connection }, distancia { $distance }
debrief-what-if = Y si…: desde el paso { $step }
debrief-first-time = La primera vez
debrief-this-time = Esta vez
debrief-branch-line = { $ending } · { $values } · { $steps ->
        [one] 1 paso
       *[other] { $steps } pasos
    }

## Gráficos

chart-optimal-distance = distancia óptima
chart-no-steps = No se respondió ningún paso, así que aún no hay nada que dibujar.
chart-connection = conexión
chart-distance = distancia
chart-rupture-opened = ruptura abierta
chart-rupture-repaired = ruptura reparada
chart-after-step = tras el paso

## Intentos anteriores

compare-first-attempt = Este es tu primer intento en { $title }. La próxima vez, tus intentos estarán aquí uno al lado de otro.
compare-this-attempt = Este intento
compare-most-recent = Los { $shown } más recientes de { $count } intentos anteriores; la pantalla Historial los tiene todos.
compare-ending = Final
compare-steps = Pasos
compare-ruptures = Rupturas
compare-ruptures-cell = { $opened } abiertas, { $repaired } reparadas
compare-time-ran-out = Tiempo agotado
compare-mean-time = Tiempo medio de respuesta
compare-answers-by-level = Respuestas por nivel
compare-paths-part = Los caminos se separan en
compare-step = paso { $step }
compare-same-path = el mismo camino
compare-connection-by-step = Conexión, paso a paso:

## Exportar

export-explained = Nada sale de este ordenador salvo que lo exportes. Cada exportación es un archivo que puedes leer primero y luego entregar tú.
export-for-supervisor = Para tu supervisor o supervisora
export-for-supervisor-explained = Una transcripción legible: cada paso, tus respuestas y tiempos, y la retroalimentación.
export-include-reflections = Incluir mis reflexiones
export-markdown = Exportar como Markdown
export-for-lms = Para una plataforma de aprendizaje
export-for-lms-explained = Declaraciones xAPI 1.0.3 para un almacén de registros de aprendizaje. Son anónimas salvo que des un nombre y un correo en Ajustes; las reflexiones nunca se incluyen.
export-xapi = Exportar como xAPI
export-written-to = Escrito en
export-copy-path = Copiar la ruta
export-failed = No se pudo escribir la exportación: { $error }

## Mapa

map-your-path = tu camino
map-skilled-answers = respuestas que muestran bien la habilidad
map-other-answers = otras respuestas
map-class-answers = respuestas que eligió la clase (más gruesa: más a menudo; el número: cuántas veces)
map-answers-nobody-took = respuestas que nadie eligió
map-hover = Pasa el puntero sobre un momento para leerlo.

## Historial

history-heading = Historial
history-kept-and-sent = Tus intentos se quedan en este ordenador, y cada uno que terminas o dejas va también al LRS de tu curso, como aceptaste en Ajustes.
history-kept = Tus intentos se quedan en este ordenador.
history-explained = { $kept } Repetir es lo que importa: un momento difícil practicado hasta que la reparación salga sola.
history-practise-next = Qué practicar ahora
history-no-attempts = Aún no hay intentos. Cada escenario que juegas se guarda aquí, terminado o no.
history-start = Empezar
history-when = Cuándo
history-lrs = LRS
history-review = Revisar
history-send = Enviar
history-send-hover = Guardado solo en este ordenador: envíalo al LRS
history-not-sent-yet = aún sin enviar
history-last-try-failed = El último intento falló: { $problem }. Doorway lo vuelve a intentar solo.
history-failed = falló
history-sent = enviado
history-at-the-end = Al final de cada intento:
history-attempt-axis = intento

## Revisión de un intento

review-history = ← Historial (Esc)
review-gone = Este intento ya no se guarda.
review-scenario-gone = El escenario "{ $id }" de este intento ya no está en la biblioteca, así que sus palabras no se pueden mostrar. Vuelve a añadir su archivo para ver la revisión.
review-played = Jugado el { $when }
review-left-before-an-ending = Se dejó antes de un final
review-edited-since = El escenario se ha editado desde este intento: las palabras que se muestran son de la versión actual.
review-your-reflections = Tus reflexiones

## Conceptos

glossary-heading = Conceptos
glossary-explained = Las ideas en las que se apoya la retroalimentación, en palabras sencillas y con su procedencia.
glossary-find-hint = una palabra o un concepto
glossary-in-the-room = En la consulta
glossary-read-more = Leer más:
glossary-open-concept = Abrir este concepto en el glosario

## Envío de intentos

sync-heading = Enviar los intentos a tu curso
sync-explained = Si tu docente recoge los intentos en un almacén de registros de aprendizaje (LRS), escribe la dirección, la clave y el secreto que te dio. No se envía nada hasta que aceptes abajo.
sync-use-course-lrs = Usar el LRS de «{ $course }»: { $endpoint }
sync-address = Dirección
sync-key = Clave
sync-secret = Secreto
sync-secret-kept = guardado en este ordenador; escribe para sustituirlo
sync-secret-hint = tal como te lo dio tu docente
sync-agree = Acepto enviar mis intentos a esta dirección
sync-save = Guardar y enviar
sync-test = Probar la conexión
sync-stop = Dejar de enviar
sync-testing = Probando la conexión…
sync-counts = { $sent } enviados, { $queued } en cola.
sync-not-sending = Sin enviar: los intentos se quedan en este ordenador. { $counts }
sync-sending-failed = Enviando a { $endpoint }, pero el último intento falló: { $problem }. { $counts }
sync-sending = Enviando a { $endpoint }. { $counts }
debrief-what-if-explained = Cualquier paso se puede volver a intentar: «Volver aquí» regresa a ese momento y conserva este camino para compararlo.

## Avisos

notice-no-data-folder = No se encontró ninguna carpeta de datos (ver --data-dir), así que no se guarda nada al cerrar Doorway.
notice-reflections-not-saved = No se pudieron guardar tus reflexiones: { $error }
notice-reflections-not-kept = Tus reflexiones no se guardaron. { $why }
notice-rating-not-kept = Esa valoración no se guardó: { $error }.
notice-ratings-not-saved = No se pudieron guardar tus valoraciones: { $error }
notice-attempt-not-saved = No se pudo guardar este intento: { $error }
notice-attempt-not-kept = Este intento no se guarda. { $why }
notice-nothing-exported = No se exportó nada. { $why }
notice-scenario-has-errors = Este escenario tiene errores y no puede empezar: la biblioteca los muestra.
notice-cannot-begin = Este escenario no puede empezar: { $error }.
notice-went-back = Volviste al paso { $step }. Tu primer camino se conserva: la revisión comparará los dos.
notice-cannot-go-back = No puedes volver ahí: { $error }.
notice-edited-carry-on = El escenario se editó: sigues desde el mismo momento.
notice-edited-starts-again = El escenario se editó y este momento ya no está: empieza de nuevo.
notice-edited-cannot-begin = El escenario se editó, pero la nueva versión no puede empezar ({ $error }): sigues con la versión que empezaste.
notice-today-scenario-gone = El escenario "{ $id }" ya no está en la biblioteca, así que este momento no se puede jugar.
notice-today-moment-changed = Este momento ya no se puede jugar ({ $error }); el escenario ha cambiado.
notice-schedule-not-saved = No se pudo guardar tu calendario de práctica: { $error }
notice-preferences-not-kept = No se encontró ninguna carpeta para tus datos, así que las preferencias no se guardarán.
notice-preferences-not-saved = No se pudieron guardar tus preferencias en { $path }: { $error }
notice-folder-not-found = No se encontró la carpeta de escenarios { $folder }.
notice-folder-not-read = No se pudo leer la carpeta de escenarios { $folder }.
notice-sender-did-not-start = No se pueden enviar intentos en esta sesión: el envío no arrancó ({ $error }).
notice-attempt-gone = El intento { $id } ya no se guarda aquí.
sync-no-data-folder = No se encontró ninguna carpeta de datos (ver --data-dir).
sync-write-key = Escribe la clave del LRS que te dio tu docente.
sync-write-secret = Escribe el secreto del LRS que te dio tu docente.
sync-agree-first = El envío empieza cuando aceptes el texto de arriba.
sync-secret-not-kept = No se pudo guardar el secreto: { $error }.
sync-settings-not-kept = No se pudieron guardar los ajustes: { $error }.
sync-saved = Guardado. Los intentos que termines o dejes se envían a { $endpoint }.
sync-secret-not-removed = No se pudo borrar el secreto: { $error }.
sync-stopped = El envío se ha detenido y el secreto se ha olvidado. Lo enviado se queda en el LRS.
sync-scenario-gone = El intento de { $title } no se puede enviar: su escenario no está en la biblioteca.

## Práctica

rating-hover = { $item }: { $score } de { $last }

## Resultados de la clase

class-heading = Resultados de la clase
class-explained = Los intentos de una clase, leídos del almacén de registros de aprendizaje (LRS) del curso, o de una carpeta de archivos xAPI exportados («doorway export ID --format xapi») y archivos de intentos, con sus subcarpetas. Las personas aparecen como «Learner 1», «Learner 2»… salvo que muestres sus nombres.
class-reading = Leyendo { $source }…
class-not-read = No se pudo leer la clase: { $error }.
class-read-lrs = Leer la clase del LRS
class-lrs-endpoint = { $endpoint }, con la clave y el secreto de Ajustes
class-no-lrs = Para leer la clase del LRS de tu curso, escribe en Ajustes su dirección, una clave que pueda leer declaraciones y su secreto.
class-folder = Carpeta:
class-folder-hint = la carpeta de los archivos de la clase
class-read = Leer la clase
class-duplicates = { $count ->
        [one] 1 intento leído
       *[other] { $count } intentos leídos
    } más de una vez, contados una sola vez.
class-no-attempts = No se encontraron intentos en { $source }.
class-scenario = Escenario:
class-figures = Cifras
class-show-names = Mostrar los nombres
class-show-names-hover = Los nombres de los archivos en lugar de «Learner 1», «Learner 2»…
class-no-map = El escenario «{ $scenario }» no está en la biblioteca, así que su mapa no se puede dibujar.
class-note = Nota: { $note }.
class-skipped = ⚠ { $count ->
        [one] 1 archivo omitido
       *[other] { $count } archivos omitidos
    }:
class-learners-and-attempts = { $learners ->
        [one] 1 estudiante
       *[other] { $learners } estudiantes
    }, { $attempts ->
        [one] 1 intento
       *[other] { $attempts } intentos
    }
class-endings = Finales
class-moments = Momentos
class-no-level = sin nivel, o se acabó el tiempo
class-attempts-axis = intentos
class-moment-counts = { $learners ->
        [one] 1 estudiante
       *[other] { $learners } estudiantes
    }, { $answers ->
        [one] 1 respuesta
       *[other] { $answers } respuestas
    }, { $timeouts ->
        [one] 1 tiempo agotado
       *[other] { $timeouts } tiempos agotados
    }
class-time-ran-out = (se acabó el tiempo)
class-answers-axis = respuestas
class-nothing-to-count = Nada que contar.
class-learner = Estudiante
class-attempts = Intentos
class-first = Primero
class-latest = Último

## Editor

editor-library = ← Biblioteca
editor-unsaved = ● Sin guardar
editor-saved = Guardado
editor-play-from-here = ▶ Jugar desde aquí
editor-play-from-start = ▶ Jugar desde el principio
editor-save = 💾 Guardar (Ctrl+S)
editor-redo = Rehacer
editor-undo = Deshacer
editor-drops-comments = Este archivo se escribió a mano. Guardarlo desde el editor lo vuelve a maquetar y no conserva sus comentarios (las líneas que empiezan por //). Se guarda a su lado una copia tal como está ahora, con .bak añadido al nombre.
editor-save-without-comments = Guardar sin los comentarios
editor-dont-save = No guardar
editor-changed-on-disk = El archivo se cambió fuera del editor desde que lo abriste. Guardar sustituye esos cambios; se conservan a su lado en una copia con .bak añadido al nombre.
editor-save-over-it = Guardar encima
editor-leave-unsaved = Tienes cambios sin guardar. ¿Salir sin guardarlos?
editor-leave-without-saving = Salir sin guardar
editor-stay = Quedarse
editor-recovered = Se conservaron cambios de este archivo que nunca se guardaron ({ $when }).
editor-recovered-file-changed = El archivo ha cambiado desde entonces (en un editor de texto o por una importación de hoja): recuperarlos sustituye esos cambios.
editor-take-them-back = Recuperarlos
editor-forget-them = Olvidarlos
editor-the-scenario = El escenario
editor-characters = Personajes
editor-acts = Actos y reloj
editor-drills = Ejercicios
editor-map-marked = Mapa ({ $count } marcados)
editor-add-moment = + Añadir un momento
editor-remove-moment = Quitar este momento
editor-checker = Revisión
editor-no-problems = Sin problemas: se puede jugar.
editor-warnings-only = Se puede jugar. { $warnings ->
        [one] 1 advertencia
       *[other] { $warnings } advertencias
    }.
editor-errors-only = { $errors ->
        [one] 1 error que corregir
       *[other] { $errors } errores que corregir
    } antes de que se pueda jugar (puedes probarlo tal como está).
editor-errors-and-warnings = { $errors ->
        [one] 1 error que corregir
       *[other] { $errors } errores que corregir
    } antes de que se pueda jugar (puedes probarlo tal como está), y { $warnings ->
        [one] 1 advertencia
       *[other] { $warnings } advertencias
    }.
editor-error = Error
editor-warning = Advertencia
editor-note = Nota
editor-go-to-it = Ir ahí
editor-go-to-it-arrow = Ir ahí →
editor-moment-gone = Este momento ya no está (se deshizo o se quitó).

## Editor: el escenario

form-title = Título
form-version = Versión
form-start = El juego empieza en
form-summary = Resumen (se muestra en la tarjeta de la biblioteca)
form-level = Nivel
form-minutes = Cuánto dura, más o menos
form-min = {" "}min
form-authors = Autoría
form-add-author = + Un autor o autora
form-goals = Objetivos de aprendizaje
form-add-goal = + Un objetivo
form-content-notes = Avisos de contenido (se muestran antes de empezar)
form-add-content-note = + Un aviso de contenido
form-prompts = Preguntas de reflexión (al final)
form-add-prompt = + Una pregunta de reflexión
form-tags = Etiquetas
form-add-tag = + Una etiqueta
form-sources = Fuentes (referencias completas)
form-add-source = + Una fuente
form-support = Apoyo para la persona en formación (en escenarios que puedan removerla)
form-role-client = Cliente
form-role-trainee = La persona en formación
form-role-next-client = El siguiente cliente
form-role-supervisor = Supervisión
form-role-front-desk = Recepción
form-role-other = Otra persona
form-role = Papel
form-who = Quién es
form-add-character = + Añadir un personaje
form-first-client = El primer cliente que habla en él
form-act-title = Título del acto
form-place = Dónde y cuándo
form-act-client = El cliente de este acto (por cuyos sentimientos habla la retroalimentación)
form-add-moment-to-act = + Añadir un momento a este acto
form-clock-start = El reloj empieza a las
form-add-act = + Añadir un acto
form-deadlines = Plazos: a una hora, el juego pasa a un momento
form-remove = Quitar
form-at = A las
form-what-happens = Qué pasa
form-go-to = Ir a
form-at-next-moment = En el siguiente momento
form-at-once = En el acto, incluso a media respuesta
form-takes-over = Toma el control
form-add-deadline = + Añadir un plazo
form-time-hint = escribe una hora como 14:45
form-drills-explained = Un ejercicio empieza el escenario en un momento posterior al principio, con el estado que supone allí. La presentación ofrece cada uno.
form-before-drill = Qué ha pasado antes
form-starts-at = Empieza en
form-remove-drill = Quitar este ejercicio
form-add-drill = + Añadir un ejercicio
form-character-id = Id en el archivo: { $id } (hecho a partir del nombre)
form-drill-assumes = Supone { $state }. Para cambiarlo, edita el archivo en un editor de texto.
form-value-at = { $id } en { $value }
form-open-rupture = una ruptura de { $kind } abierta

## Editor: un momento

form-nobody = Nadie (solo narración)
form-acts-client = El cliente del acto
form-who-speaks = Quién habla
form-felt-by = Por los sentimientos de quién habla la retroalimentación
form-narration = Narración (lo que la persona en formación ve pasar)
form-what-they-say = Lo que dice
form-variants = Otras formas de decir lo mismo (se elige una al azar)
form-add-variant = + Otra forma
form-inner = Voz interior (lo que piensa el cliente, se muestra después)
form-answers = Respuestas
form-add-answer = + Añadir una respuesta
form-remove-answer-menu = Quitar una respuesta…
form-timed = Se responde contra el reloj
form-seconds = Segundos para responder
form-has-timeout = Pasa algo cuando se acaba el tiempo
form-timeout-target = Cuando se acaba el tiempo, ir a
form-probe = Hacer primero una pregunta de observación (modo Observar primero)
form-question = Pregunta
form-fits = encaja
form-remove-x = ✖ Quitar
form-feedback-on-it = Retroalimentación sobre ella
form-add-noticing-answer = + Añadir una respuesta de observación
form-what-to-notice = Qué había que observar
form-is-ending = Este momento es un final
form-ending-kind = Qué le pasó a la relación
form-ending-title = Título del final
form-closing-text = Texto de cierre
form-trainee-says = La persona en formación dice
form-leads-to = Lleva a
form-new-moment = → un momento nuevo
form-minutes-it-takes = Minutos que lleva
form-not-rated = Sin nivel
form-no-rupture = Sin ruptura
form-opens-withdrawal = Abre una ruptura de retirada
form-opens-confrontation = Abre una ruptura de confrontación
form-repairs = Repara una ruptura
form-rupture = Ruptura
form-tags-commas = Etiquetas (separadas por comas)
form-effects = Lo que hace a la relación
form-relational = Lo que hizo a la conexión
form-client-felt = Lo que pudo sentir el cliente (con su voz)
form-concept = El concepto que muestra
form-source = Fuente
form-pick-source = Elegir una usada aquí…

## Editor: campos


## Editor: el mapa

editor-map-click = Haz clic en un momento para editarlo.
form-moment = Momento «{ $id }»
form-remove-answer = Quitar la respuesta { $number }
form-noticing-answer = Respuesta de observación { $number }
form-answer = Respuesta { $number } ({ $id })
form-conditions = Se ofrece solo bajo { $count ->
        [one] 1 condición
       *[other] { $count } condiciones
    }: edita estas condiciones en el archivo.

## Editor: avisos

editor-new-failed = No se pudo crear un escenario nuevo en { $folder }: { $error }.
editor-leads-to-new = La respuesta lleva ahora al momento nuevo «{ $id }».
editor-nothing-to-undo = Nada que deshacer.
editor-nothing-to-redo = Nada que rehacer.
editor-edits-back = Tus cambios sin guardar han vuelto.
editor-edits-not-back = No se pudieron recuperar los cambios sin guardar: { $error }.
editor-saved-unchanged = Guardado: el archivo ya tenía todos los cambios.
editor-saved-backup = Guardado. El texto que sustituyó se conserva como { $backup }.
editor-saved-recreated = Guardado. El archivo ya no estaba (borrado o movido), así que se volvió a escribir en { $file }.
editor-saved-status = Guardado.
editor-not-saved = No guardado: { $error }. Tus cambios siguen aquí.
editor-trial-cannot-start = La prueba no puede empezar aquí: { $error }.
editor-trial-from-start = Una prueba desde el principio: no se guarda.
editor-trial-from-node = Una prueba desde «{ $node }», con el estado tras el camino más corto hasta allí ({ $answers ->
        [one] 1 respuesta
       *[other] { $answers } respuestas
    }). No se guarda.
editor-trial-no-way = Una prueba desde «{ $node }»: no se encontró camino hasta allí desde el principio, así que empieza con el estado del principio. No se guarda.
editor-autosave-failed = No se pudieron conservar los cambios sin guardar en { $folder }: { $error }. Guarda para conservarlos.
editor-map-unreachable = ■ inalcanzable: ningún inicio lleva aquí
editor-map-dead-end = ■ callejón sin salida: no lleva a ninguna parte y no es un final
editor-cannot-edit = { $file } no se puede editar aquí: { $error }.
sync-no-data-folder-lower = no se encontró ninguna carpeta de datos (ver --data-dir)
sync-not-all-set = la dirección, la clave y el secreto del LRS no están todos en Ajustes
chart-explained = La conexión va de la desconexión aguda (abajo) a la conexión mutua (arriba). La distancia es un continuo, no una puntuación: la banda sombreada es la distancia óptima; por debajo es demasiado cerca, por encima demasiado lejos.
notice-broken-since-edit = { $file } tiene errores desde tu cambio: sigues con la última versión que se cargó. La biblioteca muestra los problemas.

## Accesibilidad: nombres que lee un lector de pantalla

settings-single-key-shortcuts = Teclas de un carácter durante el juego (1–9 responder, E más tiempo, S y U seguro o no); desactívalas para la entrada por voz
form-remove-item = Quitar { $item } { $number }
form-remove-deadline = Quitar el plazo { $number }
window-name = Doorway: { $screen }
screen-library = Biblioteca
screen-briefing = Presentación
screen-play = Juego
screen-end = El final del intento
screen-settings = Ajustes
screen-history = Historial
screen-review = Revisión de un intento
screen-glossary = Conceptos
screen-today = Hoy
screen-editor = Editor de escenarios
screen-class = Resultados de la clase
pause-short = ⏸ Pausa

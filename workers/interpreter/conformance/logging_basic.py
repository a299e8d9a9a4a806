import logging
logging.warning("plain %s", "warning")
logging.info("not shown")
logging.error("error %d", 42)
root = logging.getLogger()
print(root, logging.getLogger('root') is root, root.level, logging.WARNING, logging.getLevelName(20), logging.getLevelName('ERROR'), logging.getLevelName(5))
log = logging.getLogger("app.db")
print(log, log.parent, log.name, logging.getLogger("app.db") is log)
app = logging.getLogger("app")
print(log.parent is app, app.parent is root, log.getEffectiveLevel())
app.setLevel(logging.DEBUG)
print(log, log.getEffectiveLevel(), log.isEnabledFor(logging.DEBUG), app.getChild("db") is log)
log.debug("debug from %s", log.name)
log.critical("critical!")
h = logging.StreamHandler()
h.setFormatter(logging.Formatter("%(levelname)-8s %(name)s [%(threadName)s] %(funcName)s:%(lineno)d %(message)s"))
log.addHandler(h)
def work():
    log.info("with a %(what)s", {"what": "mapping"})
work()
log.propagate = False
log.warning("only once")
try:
    1 / 0
except ZeroDivisionError:
    log.exception("failed: %s", "division")
log.error("with exc_info", exc_info=ValueError("v"))
h.setFormatter(logging.Formatter("{levelname}|{name}|{message}|{processName}", style="{"))
log.info("brace style")
h.setLevel(logging.ERROR); log.info("filtered by handler"); log.error("passes handler")
print(h, repr(logging.NullHandler()))
class OnlyDb(logging.Filter):
    def filter(self, record):
        return "db" in record.getMessage()
h.setLevel(logging.NOTSET); h.addFilter(OnlyDb())
log.info("about db"); log.info("about web")
other = logging.getLogger("other")
other.warning("last resort shows the bare message")
other.info("but not info")
try:
    root.setLevel("LOUD")
except ValueError as e:
    print("ValueError:", e)
logging.disable(logging.CRITICAL); log.critical("disabled"); logging.disable(logging.NOTSET)
rec = logging.LogRecord("n", logging.INFO, "/x/y.py", 3, "m %s", ("a",), None)
print(rec.getMessage(), rec.filename, rec.module, rec.levelname, rec.threadName, rec.processName)
print(logging.Formatter("%(name)s:%(levelno)s:%(message)s").format(rec), logging.BASIC_FORMAT)

"""The analysis stages, one module each, every stage a pure function of the previous value.

words → ``lines`` → ``blocks`` → ``roles`` → ``columns`` → ``stories`` → ``order`` → ``text``
"""
